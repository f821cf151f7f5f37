package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.system.PlatformUnderTest.Service;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web apps in a real browser (issue 12, ADR 0025): {@code web/e2e/flow.mjs} drives Debian's headless
 * Chromium (playwright-core) against this run's gateway — the built apps as the gateway serves them at
 * /console/ and /app/, the sign-in through the gateway's Keycloak routes, the API and its WebSocket. A citizen
 * on a phone-sized screen searches a guide in Chinese and in pinyin, reads it, signs in and files a case (C1);
 * the clerk, signed in to the console, sees their tenant and role (T7), finds the case in the inbox and accepts
 * it (C2); the approver completes it; the citizen's page, never reloaded, shows both steps as they happen
 * (caseUpdated over a WebSocket signed in by connection_init) and reviews the finished case (V2); a ticket called from the console's queue panel
 * appears on the hall's calling display (queueCalled, A5); a second case gets a one-time notice built in the console (every faulty material with how to fix it), which the phone shows live and the citizen answers, seen live by the clerk (C2); the citizen books a slot and sees its QR code (A1); the centre administrator records a complaint received on site and accepts it by its green acceptance clock (P1, P2), and takes the citizen's bad review through assignment and verification (V6); a provincial administrator opens the comparison dashboard, drills into a county and downloads its .xlsx (M2). Screenshots of every step are kept in
 * {@code system-tests/target/web-e2e/} (and of each browser when a step fails).
 */
@ExtendWith(PlatformUnderTest.class)
class WebBrowserTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path ARTIFACTS = Path.of(System.getProperty("user.dir"), "target", "web-e2e");

    @Test
    void citizenFilesOnAPhoneClerkAcceptsApproverCompletesTimelineFollowsLiveAndTheHallDisplayCalls_C1_C2_A5() throws Exception {
        String out = runBrowserFlow("flow.mjs", ARTIFACTS);
        assertThat(out).contains("web flow passed");
        // every step left its screenshot
        assertThat(screenshots(ARTIFACTS)).isGreaterThanOrEqualTo(19);
    }

    /**
     * The citizen's remaining flows on a phone ({@code web/e2e/citizen.mjs}, as {@code citizen.li}): a photo per material
     * taken with the uploader's camera input goes up through {@code POST /uploads} and the case shows it 已上传, while a
     * file that only claims to be a JPEG is refused by the server on its material alone (C1); a booking moved to another
     * free slot and cancelled after a confirmation, and moving it again from a second tab shows the server's refusal
     * next to the action (A1); a visit finished at the window is reviewed on the ticket's page (一次一评) and afterwards
     * says why it cannot be reviewed again; the finished case is found in 待评价 and a one-star review needs a reason
     * (一事一评, V2, V5); 居民身份证换领's guidance walked on the phone ends with where to go — the server's sentence
     * naming the 户政 queue (GA) and the police window — and one tap on it takes a GA ticket at the main hall, shown with
     * the people ahead and finished live; the ticket is taken for the item with the walk's answers, so the phone shows what
     * the citizen comes for and what to bring and the police window calling it sees the item and the answers (G1, G2, A5);
     * 生育登记 walked to its online outcome opens 在线申请 following the answers (已按您的情形准备材料清单, only the outcome's
     * materials; 修改回答 goes back to the walk, a changed answer changes the list, a reload keeps it) and the case is filed
     * with the answers (G2); 出生一件事 walked for a newborn registered elsewhere lists 出生登记
     * under 不需办理 with why, every other part with where to go (as information: no ticket per part) and ONE 取号 for the
     * whole package (一窗受理): the phone takes an A ticket at the comprehensive windows with the package and the walk's
     * answers, shows the four parts with their materials, 出生登记 not needed and why, and the materials overall, and the
     * comprehensive window calling it sees the package, its parts and the skipped one; the one form does not ask its
     * 落户地址, and the one submission files four parts with 出生登记 skipped (G2, G3). Screenshots in {@code system-tests/target/web-e2e-citizen/}.
     */
    @Test
    void citizenSendsPhotosOfMaterialsMovesAndCancelsABookingReviewsAVisitAndACaseAndIsGuidedToTheWindowAndThroughAPackage_C1_A1_V2_V5_G1_G2_G3()
            throws Exception {
        Path artifacts = ARTIFACTS.resolveSibling("web-e2e-citizen");
        String out = runBrowserFlow("citizen.mjs", artifacts);
        assertThat(out).contains("citizen flow passed")
                .contains("refused by the server: ")
                .contains("moving a cancelled booking: 该预约已取消")
                .contains("guided to: 请取“GA”号（户政）")
                .contains("ticket from the route: GA")
                .contains("ticket visit: 居民身份证换领 居民身份证换领（户籍地） 请携带以下材料")
                .contains("the window sees: 居民身份证换领 · 居民身份证换领（户籍地） · reason=EXPIRED, place=NO")
                .contains("filed with the walk: 生育登记（网上即办） · 居民身份证")
                .contains("skipped: 出生登记 不需办理：")
                .contains("package filed: 4 parts, 出生登记 skipped");
        assertThat(screenshots(artifacts)).isGreaterThanOrEqualTo(15);
    }

    /**
     * The guides' desk (智能导办, G1; ADR 0036, 0037), {@code web/e2e/guide-desk.mjs}: 连山's hall guide (lianshan.guide)
     * picks 居民身份证换领 in the console, answers its questions with the citizen, sees the tailored materials and the route
     * to the 户政 window, and issues a green-channel ticket (GA…); a first social security card without a photo is sent to
     * the self-service area with no ticket offered; 出生一件事 walked once is ONE ticket (A…) at the comprehensive windows
     * (一窗受理, G3). The front desk's queue panel calls both: window 10 shows the item and the materials, window 1 every
     * part of the package and the part not needed. Screenshots in {@code system-tests/target/web-e2e-guide/}.
     */
    @Test
    void guidesDeskSendsKioskItemsToSelfServiceAndIssuesTheTicketTheWindowThenSees_G1() throws Exception {
        Path artifacts = ARTIFACTS.resolveSibling("web-e2e-guide");
        String out = runBrowserFlow("guide-desk.mjs", artifacts);
        assertThat(out).contains("guide desk passed").containsPattern("package ticket A\\d{3,}");
        assertThat(screenshots(artifacts)).isGreaterThanOrEqualTo(6);
    }

    /** Runs one browser script of web/e2e against this run's gateway; its output, once it finished with exit code 0. */
    private static String runBrowserFlow(String script, Path artifacts) throws Exception {
        return runBrowserFlow(script, artifacts, java.util.Map.of());
    }

    /** The same, with more environment for the script (records a test made for it). */
    private static String runBrowserFlow(String script, Path artifacts, java.util.Map<String, String> env) throws Exception {
        Files.createDirectories(artifacts);
        // this run's screenshots only (a failed earlier run's failed-*.png would mislead)
        try (var old = Files.list(artifacts)) {
            for (Path f : old.filter(f -> f.toString().endsWith(".png")).toList()) Files.delete(f);
        }
        Path log = artifacts.resolve(script.replace(".mjs", ".log"));
        ProcessBuilder pb = new ProcessBuilder("node", ROOT.resolve("web/e2e/" + script).toString())
                .directory(ROOT.resolve("web").toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("ZWY_WEB_BASE", Service.GATEWAY.url());
        pb.environment().put("ZWY_WEB_ARTIFACTS", artifacts.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        if (!done) p.destroyForcibly().waitFor();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(done).as("the browser flow finished within 5 minutes:\n" + out).isTrue();
        assertThat(p.exitValue()).as("the browser flow:\n" + out).isZero();
        return out;
    }

    private static long screenshots(Path artifacts) throws Exception {
        try (var shots = Files.list(artifacts)) {
            return shots.filter(f -> f.toString().endsWith(".png") && !f.getFileName().toString().startsWith("failed")).count();
        }
    }

    /**
     * The console's remaining lists (ADR 0033), {@code web/e2e/console-lists.mjs}: the clerk shows a case's masked ID
     * number with a reason and the case page lists the read (who, when, what, why; M3); the day's bookings of the main
     * hall show the person masked, are found by the full name and checked in from the list (A1, A5); the approver finds
     * the joint review waiting for a department, is stopped from refusing without a reason and refuses with one (C10);
     * the provincial administrator sees the schematic province map coloured by two indicators and drills into 连山 by a
     * click on its tile (M2). Screenshots in {@code system-tests/target/web-e2e-lists/}.
     */
    @Test
    void consoleListsWhoViewedPersonalDataDayBookingsByNameJointReviewsAndTheProvinceMap_M3_A1_C10_M2() throws Exception {
        Path artifacts = ARTIFACTS.resolveSibling("web-e2e-lists");
        // a booking of the main hall for a person under 帮办, moved to later today so that it can be checked in (A5: on its
        // day); booked by an account of its own: the demo citizens' bookings for others are limited (fairness) and shared
        String hall = Bookings.mainHall("441825");
        String item = Bookings.items("441825").getFirst();
        java.time.LocalDate day = Bookings.openDays("441825", hall, item, 1).getFirst();
        String name = "欧阳" + "娜丽芳秀".charAt((int) (System.nanoTime() % 4)) + "华";
        KeycloakAccounts.Citizen booker = KeycloakAccounts.createCitizen();
        try {
            tools.jackson.databind.JsonNode booked = Bookings.booked(booker.token(), Bookings.input(
                    Bookings.slots("441825", hall, item, day).getFirst().get("id").asString(), item, "bookedFor", Bookings.person(name)));
            // twenty minutes from now, but never past 23:59 in Beijing: after 23:40 "in twenty minutes" is tomorrow, and
            // check-in is on the booking's day only (the clean-clone CI of 2026-12-06 ran this at 23:4x Beijing time)
            java.time.Instant lastOfToday = Cases.today().atTime(23, 59).atZone(Cases.HALLS).toInstant();
            java.time.Instant startsAt = java.time.Instant.now().plus(java.time.Duration.ofMinutes(20));
            Bookings.age(booked.get("id").asString(), startsAt.isAfter(lastOfToday) ? lastOfToday : startsAt, Cases.today());
            String out = runBrowserFlow("console-lists.mjs", artifacts,
                    java.util.Map.of("ZWY_LISTS_BOOKING", booked.get("bookingCode").asString() + "|" + name + "|" + Cases.today()));
            assertThat(out).contains("console lists passed");
            assertThat(screenshots(artifacts)).isGreaterThanOrEqualTo(9);
        } finally {
            KeycloakAccounts.deleteCitizen(booker);
        }
    }
}
