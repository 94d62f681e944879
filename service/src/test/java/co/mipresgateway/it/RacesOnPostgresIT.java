package co.mipresgateway.it;

import java.util.Map;

class RacesOnPostgresIT extends RaceContract {
    @Override
    protected Map<String, String> database() {
        return TestDatabases.postgres();
    }
}
