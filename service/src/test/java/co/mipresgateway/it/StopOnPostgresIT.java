package co.mipresgateway.it;

import java.util.Map;

class StopOnPostgresIT extends StopContract {
    @Override
    protected Map<String, String> database() {
        return TestDatabases.postgres();
    }
}
