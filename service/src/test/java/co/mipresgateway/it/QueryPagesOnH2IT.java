package co.mipresgateway.it;

import java.util.Map;

class QueryPagesOnH2IT extends QueryPagesContract {
    @Override
    protected Map<String, String> database() {
        return withSmallPages(TestDatabases.h2());
    }
}
