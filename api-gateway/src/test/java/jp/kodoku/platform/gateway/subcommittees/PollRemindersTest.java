package jp.kodoku.platform.gateway.subcommittees;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.Subcommittees;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A day before a date poll's deadline, the member organizations that have not answered are reminded; the others not. */
class PollRemindersTest extends ApiTest {

    @Autowired
    private GreenMail greenMail;

    @Test
    void a_day_before_the_deadline_only_the_organizations_that_have_not_answered_are_reminded() throws Exception {
        Members members = new Members(api);
        Subcommittees subcommittees = new Subcommittees(api);
        String lead = members.activeMember(Samples.application());
        String silent = members.activeMember(Samples.application());
        String subcommittee = subcommittees.create(lead);
        assertThat(subcommittees.post(subcommittee, "/members", TestTokens.secretariat(), Map.of("organizationId", silent))
                                .status()).isEqualTo(200);
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Tokyo")).truncatedTo(ChronoUnit.SECONDS);
        // the reminder falls due 15 seconds from now
        Api.Response opened = api.post("/api/v1/subcommittees/" + subcommittee + "/polls").token(TestTokens.secretariat())
                                 .body(Map.of("title", "第6回 日程調整", "deadline", now.plusDays(1).plusSeconds(15).toString(),
                                         "slots", List.of(Map.of("date", now.toLocalDate().plusDays(9).toString())))).send();
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String poll = opened.json().get("pollId").asText();
        awaitProjections();
        Api.Response answered = api.put("/api/v1/subcommittees/" + subcommittee + "/polls/" + poll + "/answers/" + lead)
                                   .token(TestTokens.memberAdmin(lead))
                                   .body(Map.of("answers", Map.of(opened.json().get("slotIds").get(0).asText(),
                                           Map.of("choice", "YES")))).send();
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        awaitProjections();
        String silentContact = primaryContactEmail(silent);
        String leadContact = primaryContactEmail(lead);

        List<MimeMessage> reminders = Awaitility.await().atMost(Duration.ofSeconds(90)).until(
                () -> remindersAbout("第6回 日程調整"), found -> !found.isEmpty());

        assertThat(reminders).hasSize(1);
        assertThat(Arrays.toString(reminders.get(0).getAllRecipients())).contains(silentContact);
        assertThat(reminders.get(0).getSubject()).startsWith("【日程調整】回答のお願い");
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                  .until(() -> remindersAbout("第6回 日程調整").stream()
                                                              .noneMatch(m -> recipients(m).contains(leadContact)));
    }

    private List<MimeMessage> remindersAbout(String title) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject() != null && m.getSubject().contains("回答のお願い") && m.getSubject().contains(title);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String primaryContactEmail(String organizationId) {
        Api.Response organization = api.get("/api/v1/organizations/" + organizationId).token(TestTokens.secretariat()).send();
        assertThat(organization.status()).as(organization.toString()).isEqualTo(200);
        return organization.json().get("contacts").get(0).get("email").asText();
    }
}
