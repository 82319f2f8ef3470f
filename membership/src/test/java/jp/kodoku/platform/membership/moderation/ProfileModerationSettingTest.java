package jp.kodoku.platform.membership.moderation;

import jp.kodoku.platform.membership.api.ProfileModeration;
import jp.kodoku.platform.membership.api.ProfileModerationSwitchedOff;
import jp.kodoku.platform.membership.api.ProfileModerationSwitchedOn;
import jp.kodoku.platform.membership.api.SwitchProfileModeration;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static jp.kodoku.platform.membership.api.ProfileModeration.FIELDS;
import static jp.kodoku.platform.membership.api.ProfileModeration.SETTING_ID;

/** The secretariat's switch "a member admin's change to the public text needs approval". */
class ProfileModerationSettingTest {

    private FixtureConfiguration<ProfileModerationSetting> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(ProfileModerationSetting.class);
        fixture.registerAnnotatedCommandHandler(new ProfileModerationCommands(fixture.getRepository()));
    }

    @Test
    void the_first_switch_on_covers_name_reading_website_and_description() {
        fixture.givenNoPriorActivity()
               .when(new SwitchProfileModeration(true, null))
               .expectEvents(new ProfileModerationSwitchedOn(SETTING_ID,
                       java.util.List.of("name", "nameKana", "website", "publicDescription")))
               .expectResultMessagePayload(0L);
    }

    @Test
    void switching_off_records_which_fields_are_no_longer_moderated() {
        fixture.given(new ProfileModerationSwitchedOn(SETTING_ID, FIELDS))
               .when(new SwitchProfileModeration(false, 0L))
               .expectEvents(new ProfileModerationSwitchedOff(SETTING_ID, FIELDS))
               .expectResultMessagePayload(1L);
    }

    @Test
    void switching_to_the_state_it_is_in_records_nothing() {
        fixture.given(new ProfileModerationSwitchedOn(SETTING_ID, FIELDS))
               .when(new SwitchProfileModeration(true, null))
               .expectNoEvents()
               .expectResultMessagePayload(0L);
    }

    @Test
    void moderation_starts_off_so_switching_off_a_setting_never_switched_records_nothing() {
        fixture.givenNoPriorActivity()
               .when(new SwitchProfileModeration(false, null))
               .expectNoEvents()
               .expectResultMessagePayload(ProfileModerationCommands.NEVER_SWITCHED);
    }

    @Test
    void a_switch_from_a_stale_version_is_refused() {
        fixture.given(new ProfileModerationSwitchedOn(SETTING_ID, FIELDS),
                       new ProfileModerationSwitchedOff(SETTING_ID, FIELDS))
               .when(new SwitchProfileModeration(true, 0L))
               .expectException(ConflictingAggregateVersionException.class)
               .expectNoEvents();
    }

    @Test
    void a_version_sent_for_a_setting_never_switched_is_stale() {
        fixture.givenNoPriorActivity()
               .when(new SwitchProfileModeration(true, 3L))
               .expectException(ConflictingAggregateVersionException.class)
               .expectNoEvents();
    }
}
