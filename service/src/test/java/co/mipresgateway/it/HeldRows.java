package co.mipresgateway.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import co.mipresgateway.it.RunningGateway.Answer;
import co.mipresgateway.store.Database;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Makes a request wait for a row on purpose: a transaction of the test's own changes the row and holds it until the
 * request is seen waiting for it (H2's sessions or PostgreSQL's locks are polled), so that what happens while a
 * request waits happens every time, not by chance.
 */
final class HeldRows {

    private HeldRows() {
    }

    /**
     * Runs the statement in a transaction of its own, sends the request, and once the request waits for the row runs
     * {@code meanwhile}; then commits and returns the answer, or, with {@code commitOnceTheRequestWaits} false, holds
     * the row until the request is answered and rolls back.
     */
    static Answer holding(RunningGateway gateway, String statement, Supplier<Answer> request,
            boolean commitOnceTheRequestWaits, Runnable meanwhile) throws Exception {
        Database database = gateway.server().database();
        return database.read(holder -> {
            holder.begin();
            holder.execute(statement);
            CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(request);
            boolean committed = false;
            try {
                awaitARequestWaitingForALock(database, answer);
                meanwhile.run();
                if (commitOnceTheRequestWaits) {
                    holder.commit();
                    committed = true;
                }
                return answer.get(30, TimeUnit.SECONDS);
            } finally {
                if (!committed) holder.rollback();
            }
        });
    }

    private static void awaitARequestWaitingForALock(Database database, CompletableFuture<Answer> answer) throws InterruptedException {
        String waiting = database.describe().equals("H2")
                // H2 shows a session waiting for a row as blocked; one inserting a key that another has inserted
                // uncommitted retries its INSERT until that one ends, without a blocker.
                ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL"
                        + " OR (SESSION_ID <> SESSION_ID() AND EXECUTING_STATEMENT LIKE 'INSERT INTO entrega_ambito_activa%')"
                : "SELECT COUNT(*) FROM pg_locks WHERE NOT granted";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            assertFalse(answer.isDone(), () -> "the request did not wait for the held row: " + answer.join().text());
            if (database.read(h -> h.createQuery(waiting).mapTo(Integer.class).one()) > 0) return;
            Thread.sleep(5);
        }
        throw new AssertionError("the request never waited for the held row");
    }
}
