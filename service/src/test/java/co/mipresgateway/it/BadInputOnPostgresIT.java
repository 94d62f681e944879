package co.mipresgateway.it;

import java.util.Map;

class BadInputOnPostgresIT extends BadInputContract {
    @Override
    protected Map<String, String> database() {
        return TestDatabases.postgres();
    }
}
