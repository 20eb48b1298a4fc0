package course.grading;

import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parent pom names Byte Buddy's agent by path ({@code grading.agent}) with a version of its own;
 * it must stay the version Mockito asks for, or a Mockito upgrade would run on an older agent.
 */
class AgentVersionTest {
    @Test
    @DisplayName("the test JVMs' agent is the byte-buddy-agent version that Mockito's pom asks for")
    void agentIsMockitosVersion() throws Exception {
        Path mockitoJar = Path.of(Mockito.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path mockitoPom = mockitoJar.resolveSibling(mockitoJar.getFileName().toString().replaceAll("\\.jar$", ".pom"));
        var wanted = Pattern.compile("<artifactId>byte-buddy-agent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(mockitoPom));
        assertThat(wanted.find()).as("Mockito's pom %s names byte-buddy-agent", mockitoPom).isTrue();
        Path agentJar = Path.of(ByteBuddyAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(agentJar.getParent().getFileName().toString())
                .as("set byte-buddy-agent.version in the parent pom to the version Mockito asks for")
                .isEqualTo(wanted.group(1));
        assertThat(ByteBuddyAgent.getInstrumentation()).as("the agent was attached with -javaagent").isNotNull();
    }
}
