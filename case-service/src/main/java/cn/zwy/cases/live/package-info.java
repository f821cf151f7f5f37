/**
 * Live updates over server-sent events (ADR 0012, 0017): {@link cn.zwy.cases.live.PgNotifications} LISTENs on
 * one dedicated PostgreSQL connection for every channel a module registers (a trigger NOTIFYs on commit, so
 * a change made by any instance reaches every instance), and {@link cn.zwy.cases.live.LiveStreams} keeps a
 * module's streams: each starts with the state as it stands, gets it afresh after every announced change
 * (a burst coalesced into one read), never an older state after a newer, a comment every heartbeat, and
 * ends after its lifetime. Filing's case updates and the queue's calling screens are the two users; knows
 * nothing of either.
 */
package cn.zwy.cases.live;
