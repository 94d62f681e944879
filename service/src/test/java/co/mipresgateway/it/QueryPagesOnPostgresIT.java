package co.mipresgateway.it;

import java.util.Map;

class QueryPagesOnPostgresIT extends QueryPagesContract {
    @Override
    protected Map<String, String> database() {
        return withSmallPages(TestDatabases.postgres());
    }
}
