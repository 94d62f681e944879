package co.mipresgateway.it;

import java.util.Map;

class ChainOnPostgresIT extends ChainContract {
    @Override
    protected Map<String, String> database() {
        return TestDatabases.postgres();
    }
}
