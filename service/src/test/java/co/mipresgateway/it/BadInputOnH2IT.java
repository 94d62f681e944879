package co.mipresgateway.it;

import java.util.Map;

class BadInputOnH2IT extends BadInputContract {
    @Override
    protected Map<String, String> database() {
        return TestDatabases.h2();
    }
}
