package co.mipresgateway.it;

import java.util.Map;

class ChainOnH2IT extends ChainContract {
    @Override
    protected Map<String, String> database() {
        return TestDatabases.h2();
    }
}
