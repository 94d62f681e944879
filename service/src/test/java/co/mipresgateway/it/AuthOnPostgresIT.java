package co.mipresgateway.it;

import java.util.Map;

class AuthOnPostgresIT extends AuthContract {
    @Override
    protected Map<String, String> database() {
        return TestDatabases.postgres();
    }
}
