package co.mipresgateway.it;

import java.util.Map;

class SpoiledBodiesOnPostgresIT extends SpoiledBodiesContract {
    @Override
    protected Map<String, String> database() {
        return TestDatabases.postgres();
    }
}
