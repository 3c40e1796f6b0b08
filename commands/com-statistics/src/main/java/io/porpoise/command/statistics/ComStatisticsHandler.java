package io.porpoise.command.statistics;

import io.netty.buffer.ByteBuf;
import io.porpoise.command.CommandContext;
import io.porpoise.command.CommandHandler;
import io.porpoise.command.PacketWriter;
import io.porpoise.command.ProcessList;
import io.porpoise.command.SessionContext;
import io.porpoise.wire.PayloadReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

/**
 * COM_STATISTICS (0x09): a one-line, human-readable status string ({@code mariadb-admin status}).
 * Counters this server does not keep (slow queries, table opens) are reported as 0.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_statistics.html">COM_STATISTICS</a>
 */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + ":Integer=9")
public final class ComStatisticsHandler implements CommandHandler<Void> {
    public static final int COM_STATISTICS = 0x09;

    @Override
    public int command() {
        return COM_STATISTICS;
    }

    @Override
    public String name() {
        return "COM_STATISTICS";
    }

    @Override
    public Void decode(PayloadReader payload, SessionContext session) {
        return null;
    }

    @Override
    public void execute(Void request, CommandContext context) {
        PacketWriter out = context.packets();
        ByteBuf b = out.begin();
        b.writeCharSequence(text(context.session().processList().statistics()), StandardCharsets.US_ASCII);
        out.end();
    }

    /** MySQL's layout, two spaces between fields. */
    static String text(ProcessList.Statistics s) {
        double qps = s.uptimeSeconds() == 0 ? 0 : (double) s.questions() / s.uptimeSeconds();
        return String.format(Locale.ROOT, "Uptime: %d  Threads: %d  Questions: %d  Slow queries: 0  Opens: 0  Flush tables: 0"
                + "  Open tables: 0  Queries per second avg: %.3f", s.uptimeSeconds(), s.threads(), s.questions(), qps);
    }
}
