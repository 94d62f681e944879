package co.mipresgateway.it;

import java.util.Map;

class AuthOnH2IT extends AuthContract {
    @Override
    protected Map<String, String> database() {
        return TestDatabases.h2();
    }
}
