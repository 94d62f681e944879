package co.mipresgateway.it;

import java.util.Map;

class SpoiledBodiesOnH2IT extends SpoiledBodiesContract {
    @Override
    protected Map<String, String> database() {
        return TestDatabases.h2();
    }
}
