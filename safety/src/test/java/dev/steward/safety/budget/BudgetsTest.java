package dev.steward.safety.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.homeserver.id.UserId;
import dev.steward.homeserver.inbox.H2Files;
import dev.steward.safety.SafetySchema;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Budgets on a real H2 file, with the clock fixed in Berlin. */
class BudgetsTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final UserId KID = UserId.of("@kid:family.example");
    private static final Limits ONE_EURO_A_DAY =
            new Limits(0, 0, new BigDecimal("1.00"), new BigDecimal("10.00"));

    @TempDir
    Path dir;
    private JdbcConnectionPool pool;

    @BeforeEach
    void open() {
        pool = JdbcConnectionPool.create(H2Files.url(dir.resolve("steward")), "sa", "");
        pool.setMaxConnections(16);
        SafetySchema.migrate(pool);
    }

    @AfterEach
    void close() {
        pool.dispose();
    }

    private Budgets at(String instant) {
        return new Budgets(pool, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), BERLIN);
    }

    private static Usage euros(String cost) {
        return new Usage(100, new BigDecimal(cost));
    }

    @Test
    void aReservationSettlesToTheRealUsage() {
        Budgets budgets = at("2026-11-21T12:00:00Z");
        var reserved = (BudgetDecision.Reserved) budgets.reserve(KID, ONE_EURO_A_DAY, euros("0.50"));

        budgets.settle(reserved.reservationId(), new Usage(40, new BigDecimal("0.20")));
        budgets.settle(reserved.reservationId(), new Usage(40, new BigDecimal("0.20")));

        Usage today = budgets.spent(KID).get(Period.DAY);
        assertThat(today.tokens()).isEqualTo(40);
        assertThat(today.cost()).isEqualByComparingTo("0.20");
    }

    @Test
    void overTheLimitIsRefusedWithTheResetTimeInTheSpacesZone() {
        Budgets budgets = at("2026-11-21T21:00:00Z");
        budgets.reserve(KID, ONE_EURO_A_DAY, euros("0.90"));

        BudgetDecision refused = budgets.reserve(KID, ONE_EURO_A_DAY, euros("0.20"));

        assertThat(refused).isEqualTo(new BudgetDecision.OverBudget(Period.DAY,
                ZonedDateTime.of(2026, 11, 22, 0, 0, 0, 0, BERLIN)));
    }

    @Test
    void theDailyBudgetIsNewAfterMidnightInTheSpacesZoneAndTheMonthKeepsCounting() {
        at("2026-11-21T22:59:00Z").reserve(KID, ONE_EURO_A_DAY, euros("0.90"));
        Budgets afterMidnight = at("2026-11-21T23:01:00Z");

        assertThat(afterMidnight.reserve(KID, ONE_EURO_A_DAY, euros("0.90")))
                .isInstanceOf(BudgetDecision.Reserved.class);
        assertThat(afterMidnight.spent(KID).get(Period.MONTH).cost()).isEqualByComparingTo("1.80");
    }

    @Test
    void aTokenLimitCountsToo() {
        Limits tokens = new Limits(1000, 0, BigDecimal.ZERO, BigDecimal.ZERO);
        Budgets budgets = at("2026-11-21T12:00:00Z");

        assertThat(budgets.reserve(KID, tokens, new Usage(900, BigDecimal.ZERO)))
                .isInstanceOf(BudgetDecision.Reserved.class);
        assertThat(budgets.reserve(KID, tokens, new Usage(200, BigDecimal.ZERO)))
                .isInstanceOf(BudgetDecision.OverBudget.class);
    }

    @Test
    void theMemberIsWarnedOnceWhenPassingEightyPercent() {
        Budgets budgets = at("2026-11-21T12:00:00Z");

        var first = (BudgetDecision.Reserved) budgets.reserve(KID, ONE_EURO_A_DAY, euros("0.50"));
        var second = (BudgetDecision.Reserved) budgets.reserve(KID, ONE_EURO_A_DAY, euros("0.35"));
        var third = (BudgetDecision.Reserved) budgets.reserve(KID, ONE_EURO_A_DAY, euros("0.10"));

        assertThat(first.nearLimit()).isEmpty();
        assertThat(second.nearLimit()).contains(Period.DAY);
        assertThat(third.nearLimit()).isEmpty();
    }

    @Test
    void aMemberPastTheWarningShareIsNearTheLimitUntilTheDayIsOver() {
        Budgets budgets = at("2026-11-21T12:00:00Z");
        budgets.reserve(KID, ONE_EURO_A_DAY, euros("0.70"));
        assertThat(budgets.nearLimit(KID, ONE_EURO_A_DAY)).isFalse();

        budgets.reserve(KID, ONE_EURO_A_DAY, euros("0.15"));

        assertThat(budgets.nearLimit(KID, ONE_EURO_A_DAY)).isTrue();
        assertThat(at("2026-11-22T12:00:00Z").nearLimit(KID, ONE_EURO_A_DAY)).isFalse();
    }

    @Test
    void theWarningShareIsConfigurable() {
        Budgets halfway = new Budgets(pool, Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC), BERLIN,
                new BigDecimal("0.5"));

        var reserved = (BudgetDecision.Reserved) halfway.reserve(KID, ONE_EURO_A_DAY, euros("0.55"));

        assertThat(reserved.nearLimit()).contains(Period.DAY);
    }

    @Test
    void concurrentRequestsAtTheEdgeCannotOverspend() throws Exception {
        Budgets budgets = at("2026-11-21T12:00:00Z");
        budgets.reserve(KID, ONE_EURO_A_DAY, euros("0.60"));
        int requests = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        List<Future<BudgetDecision>> decisions = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                Callable<BudgetDecision> request = () -> {
                    start.await();
                    return budgets.reserve(KID, ONE_EURO_A_DAY, euros("0.30"));
                };
                decisions.add(threads.submit(request));
            }
            start.countDown();
            long passed = 0;
            for (Future<BudgetDecision> decision : decisions) {
                passed += decision.get() instanceof BudgetDecision.Reserved ? 1 : 0;
            }
            assertThat(passed).as("0.60 + one 0.30 fits in 1.00; a second would not").isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(budgets.spent(KID).get(Period.DAY).cost()).isEqualByComparingTo("0.90");
        assertThat(Optional.of(budgets.spent(KID).get(Period.DAY).cost()))
                .hasValueSatisfying(cost -> assertThat(cost).isLessThanOrEqualTo(new BigDecimal("1.00")));
    }
}
