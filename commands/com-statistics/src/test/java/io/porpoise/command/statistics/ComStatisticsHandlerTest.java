package io.porpoise.command.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.porpoise.command.ProcessList;
import org.junit.jupiter.api.Test;

class ComStatisticsHandlerTest {

    @Test
    void mysqlLayout() {
        assertEquals("Uptime: 100  Threads: 2  Questions: 50  Slow queries: 0  Opens: 0  Flush tables: 0  Open tables: 0"
                + "  Queries per second avg: 0.500", ComStatisticsHandler.text(new ProcessList.Statistics(100, 2, 50)));
        assertEquals("Uptime: 0  Threads: 1  Questions: 3  Slow queries: 0  Opens: 0  Flush tables: 0  Open tables: 0"
                + "  Queries per second avg: 0.000", ComStatisticsHandler.text(new ProcessList.Statistics(0, 1, 3)));
    }
}
