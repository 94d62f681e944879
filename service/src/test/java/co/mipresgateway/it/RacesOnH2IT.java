package co.mipresgateway.it;

import java.util.Map;

class RacesOnH2IT extends RaceContract {
    @Override
    protected Map<String, String> database() {
        return TestDatabases.h2();
    }
}
