package co.mipresgateway.it;

import java.util.Map;

class StopOnH2IT extends StopContract {
    @Override
    protected Map<String, String> database() {
        return TestDatabases.h2();
    }
}
