package dev.steward.bot;

import com.zaxxer.hikari.HikariDataSource;
import dev.steward.bot.config.StewardConfig;
import dev.steward.bot.pipeline.DirectRooms;
import dev.steward.bot.pipeline.MatrixReplies;
import dev.steward.bot.rooms.RoomSettings;
import dev.steward.bot.rooms.RoomStates;
import dev.steward.bot.rooms.SpaceRooms;
import dev.steward.bot.safety.BotPolicies;
import dev.steward.bot.safety.Callers;
import dev.steward.commands.CommandRegistry;
import dev.steward.commands.prompts.PromptRegistry;
import dev.steward.commands.schedule.Schedule;
import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.inbox.Inbox;
import dev.steward.safety.audit.AuditLog;
import dev.steward.safety.authority.Authority;
import dev.steward.safety.budget.Budgets;
import dev.steward.safety.policy.Policies;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;

/**
 * What every feature may use, built once at start: the runtime, the database, the bot's client, the caches of room
 * state, who may do what, the command and prompt registries, the schedule. Features are built from it; none of them
 * builds any of this itself.
 */
public record Services(Vertx vertx, StewardConfig config, Clock clock, Probe probe, StewardMetrics metrics,
        PrometheusMeterRegistry registry, HikariDataSource dataSource, WebClient web, MatrixClient bot, Inbox inbox,
        RoomStates roomStates, SpaceRooms spaces, RoomSettings rooms, DirectRooms directRooms, Authority authority,
        Policies policies, BotPolicies memberPolicies, Budgets budgets, AuditLog audit, Callers callers, MatrixReplies replies,
        CommandRegistry commands, PromptRegistry prompts, Schedule schedule, H2Compaction compaction) {}
