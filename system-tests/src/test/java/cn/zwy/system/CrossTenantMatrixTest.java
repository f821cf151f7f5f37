package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The cross-tenant matrix (issue 6, "keep it fixed"): every query and mutation that takes a
 * tenant, region or id argument is read from the schema itself (introspection), called against
 * 连山 (441825, province 44) by callers who must not act for it — signed out, a citizen, another
 * tenant's clerk and centre administrator, a town agent of 连山, and the administrator of another
 * province — and any success that is not declared below fails the test. Operations added by later
 * issues join the matrix by existing: a new public read must be declared public here, on purpose.
 *
 * <p>Arguments are made from the schema's types: tenant and region arguments name 连山 or its
 * province, ids are real ids of 连山's records (read first as its centre administrator), other
 * values are well-formed, so a refusal comes from the access check and not from a typo. A
 * refusal must be UNAUTHENTICATED, FORBIDDEN or NOT_FOUND (or, for a single-object read, null: the
 * record is invisible to the caller); any other answer (a validation error,
 * say) means the call never reached the access check, and the matrix says which.
 */
@ExtendWith(PlatformUnderTest.class)
class CrossTenantMatrixTest {

    private static final String VICTIM = "441825";
    private static final String PROVINCE = "44";

    /** Who calls, and how the caller gets a token (null: signed out). */
    enum Who {
        ANONYMOUS, CITIZEN, OTHER_TENANT_CLERK, OTHER_TENANT_ADMIN, TOWN_AGENT, OTHER_PROVINCE_ADMIN;

        String token() {
            return switch (this) {
                case ANONYMOUS -> null;
                case CITIZEN -> Tokens.citizen("citizen.zhang");
                case OTHER_TENANT_CLERK -> Tokens.staff("taishan.clerk");
                case OTHER_TENANT_ADMIN -> Tokens.staff("taishan.admin");
                case TOWN_AGENT -> Tokens.staff("jitian.agent");
                case OTHER_PROVINCE_ADMIN -> Tokens.staff("henan.admin");
            };
        }
    }

    /** Public reads: anyone may call them for any tenant (published data only). */
    private static final Set<String> PUBLIC_READS = Set.of("regions", "region", "tenant", "hall", "halls", "searchHalls",
            "workingDay", "addWorkingDays", "workingDaysBetween", "hallNextOpening", "items", "item", "guideVersion",
            "standardItems", "standardItem", "bookableDays", "slots", "bookingRules",
            // the hall queue (ADR 0017): the calling screen and quiet hours hang on the hall's wall; a ticket is read by
            // its unguessable id (printed on it), nothing personal in it
            "hallQueue", "quietHours", "myTicket",
            // guide search (ADR 0019): the published catalog, scoped by the citizen's region (S7), not by the caller
            "searchGuides", "suggestGuides", "searchedGuide",
            // situation-based guidance (G2, ADR 0026): a walk through a published guide's questionnaire, nothing stored
            "guidance",
            // "one thing" packages (G3, ADR 0026): the published packages of a tenant, browsed by life event
            "servicePackages", "servicePackage",
            // one guidance walk for a whole package (G2 + G3, ADR 0028): the published questionnaires, nothing stored
            "packageGuidance");

    /**
     * A citizen's own reads that take an id: the form of one of 连山's items or packages pre-filled with the calling
     * citizen's own values, and the record of a wallet document's uses (G4, ADR 0028; a made-up id names none of the
     * caller's documents: NOT_FOUND). The citizen gets theirs; staff of any tenant,
     * 连山's own included, and the signed-out none — so the positive control below does not make them either.
     */
    private static final Set<String> CITIZEN_READS = Set.of("prefilledForm", "walletDocumentAccess");

    /**
     * Internal reads a tenant's own staff may make whatever their role (T7: every staff member reads
     * the tenant's organisation and its cases); the town agent of 连山 is such staff.
     */
    private static final Set<String> OWN_STAFF_READS = Set.of("staff", "departments", "windows", "hallChanges", "validateGuide",
            "flaggedItems", "case", "caseInbox", "dishonestyList", "windowReport", "deemedApprovalItems", "supervisionItems",
            "supervisionInbox", "bookingBars", "stationMessages", "visitorFlow",
            // reviews (ADR 0020): any staff member of 连山 reads its reviews (without the reviewer, V9) and indicators; the
            // reviews' dishonesty list is its centre administrator's only (refused to the town agent)
            "reviews", "reviewIndicators",
            // complaints (ADR 0023): any staff member of 连山 reads its complaints (the complainant hidden where confidential,
            // P1), one by its id, and the appraisal figures of P5
            "complaints", "complaint", "complaintAppraisal",
            "specialServiceRequests",
            // comparison (ADR 0024): any staff member of 连山 drills into its own halls, windows and staff, as it reads its
            // window report; the administrators of its city and province too (none of them is in the matrix's callers)
            "comparisonDrillDown",
            // a package filing (G3) is read by its applicant and the tenant's staff, as its part cases are
            "packageCase",
            // the console's lists (ADR 0033): who was shown a case's personal numbers (M3), a hall's appointments of a day by
            // masked name (A1), the joint reviews waiting for a department's opinion (C10) — 连山's own staff only
            "casePersonalDataReads", "hallDayAppointments", "pendingJointReviews");

    /**
     * Reads for the administrators of a region only (ADR 0024, T7): the comparison of a province's or city's counties
     * (regionPrefix 44). No caller of the matrix may make them — 河南's administrator least of all — and 连山's own
     * administrator neither: the positive control makes them as 广东's administrator instead.
     */
    private static final Set<String> REGIONAL_READS = Set.of("countyComparison");

    /**
     * Mutations one of these callers may make on 连山's behalf, with who. No one outside 连山 may
     * change anything of 连山's: the citizen only files a case of their own with 连山 (submitCase;
     * the matrix's case of 连山 belongs to another citizen, so every action on it is refused), and
     * the town agent is 连山's own staff, whose front-desk role (agent: accept, one-time notice,
     * refusal, assigning to a department, delivery, asking for an extension, recording an entrustment)
     * case-service grants; deciding
     * (approver) and extensions (centre administrator) stay refused to it. The owner's side of
     * same-city/cross-region cases and remote agency (C12, C13: receiving forwarded materials, returning
     * the result, agency) is front desk too; the receiving hall's side (forwardCase, handOverCaseResult)
     * is for the hall that received the case only, which the matrix's case of 连山 has none of: refused
     * to everyone. A joint case's escalation and upper reply (C10) are recorded by any of its centre's staff;
     * a department's own opinion (answerJointReview) is its approver's, refused to the agent. Any of its staff
     * sends a case up (escalateCase, C11); the reply (replyToEscalation) is the upper level's only, which the
     * matrix's case has none of: refused to everyone. Three-level agency (T3): the town agent records an
     * application at its station (recordStationSubmission, an agent posted at a station of 连山); forwardCase of a
     * station's case is the station's, and the matrix's case was filed by a citizen: refused to the agent too.
     */
    private static final Map<String, Set<Who>> ALLOWED_MUTATIONS = Map.ofEntries(
            Map.entry("submitCase", Set.of(Who.CITIZEN)),
            // G3: a citizen files a package of 连山 for themselves; defining packages is 连山's centre administrator's
            Map.entry("submitPackage", Set.of(Who.CITIZEN)),
            Map.entry("definePackage", Set.of()),
            // ADR 0032: a province's or city's administrator defines packages for its counties; the matrix's region code is a
            // county's (441823), which no one defines for: refused to all
            Map.entry("defineRegionPackage", Set.of()),
            // C10 (一窗受理): 连山's front desk (the town agent) accepts a package filing of 连山 at one window, as acceptCase
            Map.entry("acceptPackageCase", Set.of(Who.TOWN_AGENT)),
            Map.entry("acceptCase", Set.of(Who.TOWN_AGENT)),
            Map.entry("issueOneTimeNotice", Set.of(Who.TOWN_AGENT)),
            Map.entry("rejectCase", Set.of(Who.TOWN_AGENT)),
            Map.entry("deliverCase", Set.of(Who.TOWN_AGENT)),
            Map.entry("requestExtension", Set.of(Who.TOWN_AGENT)),
            // M3 (ADR 0029): any staff member of 连山 may show a masked number of its case in full, with a recorded reason
            Map.entry("revealCasePersonalData", Set.of(Who.TOWN_AGENT)),
            Map.entry("recordEntrustment", Set.of(Who.TOWN_AGENT)),
            Map.entry("receiveForwardedCase", Set.of(Who.TOWN_AGENT)),
            Map.entry("returnCaseResult", Set.of(Who.TOWN_AGENT)),
            Map.entry("startRemoteAgency", Set.of(Who.TOWN_AGENT)),
            Map.entry("endRemoteAgency", Set.of(Who.TOWN_AGENT)),
            Map.entry("escalateJointReview", Set.of(Who.TOWN_AGENT)),
            Map.entry("recordJointUpperReply", Set.of(Who.TOWN_AGENT)),
            Map.entry("escalateCase", Set.of(Who.TOWN_AGENT)),
            Map.entry("assignCase", Set.of(Who.TOWN_AGENT)),
            // appointments (ADR 0014): a citizen books a slot of 连山 for themselves; the town agent is 连山's staff and
            // checks citizens in at its halls. Moving or cancelling the matrix's appointment (another citizen's) and
            // lifting a booking bar (centre administrator) stay refused to everyone here.
            Map.entry("bookAppointment", Set.of(Who.CITIZEN)),
            Map.entry("checkInAppointment", Set.of(Who.TOWN_AGENT)),
            // a tenant's booking rules (release time, per-citizen limits) are its centre administrator's: refused to all here
            Map.entry("setBookingRules", Set.of()),
            // A7 (上门/急办): a citizen asks 连山 for themselves; 连山's staff (the town agent) schedule or decline the
            // matrix's request (another citizen's); withdrawing it is that citizen's only: refused to all here
            Map.entry("requestSpecialService", Set.of(Who.CITIZEN)),
            Map.entry("scheduleSpecialService", Set.of(Who.TOWN_AGENT)),
            Map.entry("declineSpecialService", Set.of(Who.TOWN_AGENT)),
            Map.entry("recordStationSubmission", Set.of(Who.TOWN_AGENT)),
            // T3: an applicant claims a station's case of their own by its number and their ID number (citizens only)
            Map.entry("claimStationCase", Set.of(Who.CITIZEN)),
            // the hall queue (ADR 0017): a citizen takes a ticket at 连山 for themselves, as a kiosk of 连山 does under its
            // staff's account; calling and handling tickets is 连山's staff at a window whose holders were never announced,
            // the town agent included, and only the A holder (or the B holder after a takeover, T6) at a held window.
            // Taking a post over is its B holder's (the agent holds no post): refused to all here
            // With an item (智能导办, G1; ADR 0036 — the matrix fills takeTicket's itemId, so businessCategory is left out), a
            // ticket from the guidance is issued for a citizen by 连山's guides, front desk, window lead or centre administrator:
            // the town agent (role agent) is refused (FORBIDDEN, G1); the citizen takes one for themselves. The same holds
            // for one ticket for a whole package (一窗受理, G3; ADR 0037): the matrix calls takeTicket a second time with
            // packageId (连山's 出生一件事) and its complete walk instead of the item (ticketCalls).
            Map.entry("takeTicket", Set.of(Who.CITIZEN)),
            Map.entry("callNext", Set.of(Who.TOWN_AGENT)),
            Map.entry("takeOverWindowPost", Set.of()),
            Map.entry("recallTicket", Set.of(Who.TOWN_AGENT)),
            Map.entry("transferTicket", Set.of(Who.TOWN_AGENT)),
            Map.entry("missTicket", Set.of(Who.TOWN_AGENT)),
            Map.entry("finishTicket", Set.of(Who.TOWN_AGENT)),
            // the guides index serves every province (ADR 0019): the platform operator or any provincial administrator
            // rebuilds it; a rebuild changes nothing of 连山's (the index is rebuilt from the published catalog)
            Map.entry("rebuildGuideIndex", Set.of(Who.OTHER_PROVINCE_ADMIN)),
            // complaints (ADR 0023, P1): a citizen files a complaint to 连山 for themselves; the town agent is 连山's staff and
            // records one received on site, by phone, letter or email (首问负责). Importing a 12345 ticket and every step
            // (accept, refuse, assign, delay, result) are its centre administrator's or supervisor's: refused to all here;
            // answering the result and asking a review are the complainant's, and the matrix's complaint is another
            // citizen's (NOT_FOUND; staff: FORBIDDEN)
            Map.entry("fileComplaint", Set.of(Who.CITIZEN)),
            Map.entry("recordComplaint", Set.of(Who.TOWN_AGENT)));
    // Reviews (ADR 0020) are allowed to none of these callers: reviewCase and reviewVisit are the citizen's of the case or
    // visit (the matrix's case is another citizen's, its ticket a kiosk's: NOT_FOUND; staff: FORBIDDEN); assigning and
    // closing a bad review and lifting a listing are 连山's centre administrator's (the town agent: FORBIDDEN); verifying,
    // rectifying and calling back are the assignee's (no review of that id: NOT_FOUND). myPendingReviews and
    // badReviewReasons take no scoped argument (the citizen's own; public).

    private static final Set<String> REFUSALS = Set.of("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND");

    /**
     * Subscriptions one of these callers may open on 连山's records: the town agent is 连山's own staff and
     * follows its cases as it reads them (caseUpdated is authorised as case(id)); the matrix's citizen
     * does not own the matrix's case, so it is refused like everyone else.
     */
    private static final Map<String, Set<Who>> ALLOWED_SUBSCRIPTIONS = Map.of("caseUpdated", Set.of(Who.TOWN_AGENT),
            // public like their reads (ADR 0017): the hall's calling screen, and a ticket followed by its id
            "queueCalled", Set.of(Who.values()), "ticketUpdated", Set.of(Who.values()));

    /** Argument names that carry a tenant, a region or an id. */
    private static final Pattern SCOPED = Pattern.compile("tenantCode|regionCode|provinceCode|parentCode|regionPrefix|code|id|.*Id");

    private static JsonNode schema;
    private static final Map<String, String> IDS = new LinkedHashMap<>();

    @BeforeAll
    static void readSchemaAndVictimIds() {
        Api.Response r = Api.graphql(Tokens.staff("lianshan.admin"), INTROSPECTION, Map.of());
        assertThat(r.errors()).as(r.body().toString()).isNull();
        schema = r.data().get("__schema");
        String admin = Tokens.staff("lianshan.admin");
        IDS.put("hall", first(Api.graphql(admin, "{ halls(tenantCode: \"441825\") { id } }", Map.of()), "/halls/0/id"));
        Api.Response items = Api.graphql(admin, "{ items(tenantCode: \"441825\", first: 1) { edges { node { id versionId } } } }", Map.of());
        IDS.put("item", first(items, "/items/edges/0/node/id"));
        IDS.put("guideVersion", first(items, "/items/edges/0/node/versionId"));
        IDS.put("standardItem", first(Api.graphql(admin,
                "{ item(id: \"" + IDS.get("item") + "\") { standardItemId } }", Map.of()), "/item/standardItemId"));
        IDS.put("staff", first(Api.graphql(admin, "{ staff(tenantCode: \"441825\", first: 50) { edges { node { id username } } } }", Map.of()),
                "/staff/edges/0/node/id"));
        IDS.put("department", first(Api.graphql(admin, "{ departments(tenantCode: \"441825\") { id } }", Map.of()), "/departments/0/id"));
        IDS.put("window", first(Api.graphql(admin, "{ windows(tenantCode: \"441825\") { id } }", Map.of()), "/windows/0/id"));
        // a case of 连山 filed by another citizen than the matrix's (citizen.li, not citizen.zhang)
        Api.Response filed = Cases.submit(Cases.otherCitizen(), Cases.submission(Cases.promisedItem(), UUID.randomUUID().toString()));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(200);
        IDS.put("case", filed.body().get("caseId").asString());
        IDS.put("caseUpdated", IDS.get("case"));
        // a message of that other citizen (the case's receipt): nobody in the matrix may mark it read
        Api.Response messages = Api.graphql(Cases.otherCitizen(), "{ myMessages(first: 1) { edges { node { id } } } }", Map.of());
        IDS.put("markMessageRead", first(messages, "/myMessages/edges/0/node/id"));
        // a slot of 连山's main hall, and an appointment of 连山 booked by that other citizen (ADR 0014)
        String published = Bookings.items(VICTIM).getFirst();
        try {
            String hall = Bookings.mainHall(VICTIM);
            LocalDate day = Bookings.openDays(VICTIM, hall, published, 1).getFirst();
            IDS.put("slot", Bookings.slots(VICTIM, hall, published, day).getFirst().get("id").asString());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        Api.Response booked = Bookings.book(Cases.otherCitizen(), Bookings.input(IDS.get("slot"), published,
                "bookedFor", Bookings.person("跨租户")));
        IDS.put("appointment", first(booked, "/bookAppointment/appointment/id"));
        // a home-visit request to 连山 by that other citizen (A7)
        Api.Response visit = SpecialServiceTest.ask(Cases.otherCitizen(), Map.of("idempotencyKey", UUID.randomUUID().toString(),
                "itemId", published, "kind", "HOME_VISIT", "reason", "ELDERLY", "address", "连山县吉田镇跨租户村 1 号",
                "contactPhone", "13912340001", "preferredDate", Cases.today().plusDays(2).toString(), "forPerson", Bookings.person("跨租户")));
        IDS.put("request", first(visit, "/requestSpecialService/request/id"));
        // a ticket of 连山's main hall (ADR 0017), taken at its kiosk
        Api.Response ticket = Api.graphql(admin, "mutation($i: TakeTicketInput!) { takeTicket(input: $i) { ticket { id } } }",
                Map.of("i", Map.of("idempotencyKey", UUID.randomUUID().toString(), "tenantCode", VICTIM, "hallId", IDS.get("hall"),
                        "businessCategory", "A")));
        IDS.put("ticket", first(ticket, "/takeTicket/ticket/id"));
        IDS.put("myTicket", IDS.get("ticket"));
        // a complaint to 连山 by that other citizen (ADR 0023)
        Api.Response complaint = Api.graphql(Cases.otherCitizen(), "mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { complaint { id } } }",
                Map.of("i", Map.of("idempotencyKey", UUID.randomUUID().toString(), "tenantCode", VICTIM, "channel", "APP", "hallId", IDS.get("hall"),
                        "contactPhone", "13912340002", "reason", "跨租户测试投诉")));
        IDS.put("complaint", first(complaint, "/fileComplaint/complaint/id"));
        // "one thing" packages (G3): 连山's 出生一件事, and a filing of it by the other citizen
        IDS.put("servicePackage", first(Api.graphql(null, "{ servicePackages(tenantCode: \"441825\", lifeEvent: BIRTH) { id } }", Map.of()),
                "/servicePackages/0/id"));
        IDS.put("package", IDS.get("servicePackage"));
        IDS.put("prefilledForm", IDS.get("servicePackage"));
        IDS.put("packageCase", PackageTest.submittedBy(Cases.otherCitizen(), PackageTest.birthPackage()));
        IDS.put("ticketUpdated", IDS.get("ticket"));
    }

    private static String first(Api.Response r, String pointer) {
        assertThat(r.errors()).as(r.body().toString()).isNull();
        String v = r.data().at(pointer).asString(null);
        assertThat(v).as("a record of 连山 at " + pointer + " in " + r.body()).isNotBlank();
        return v;
    }

    /** One call of the matrix: an operation with its arguments, as a document and variables. */
    record Call(String kind, String field, String document, Map<String, Object> variables) {}

    @Test
    void noCallerActsForAnotherTenant_T2() {
        List<Call> calls = calls();
        // the matrix covers the schema: every mutation, and every query with a scoped argument
        long mutations = calls.stream().filter(c -> c.kind().equals("mutation")).map(Call::field).distinct().count();
        assertThat(mutations).as("mutations in the matrix")
                .isEqualTo(fields("mutationType").size() - 1).isGreaterThanOrEqualTo(24);
        assertThat(calls.size()).as("operations in the matrix").isGreaterThan(35);

        List<String> failures = new ArrayList<>();
        for (Call call : calls) {
            for (Who who : Who.values()) {
                Api.Response r = Api.graphql(who.token(), call.document(), call.variables());
                boolean succeeded = r.errors() == null && r.data() != null && !r.data().path(call.field()).isNull()
                        && !r.data().path(call.field()).isMissingNode();
                boolean expected = expected(call, who);
                // a single-object read answers null for a record the caller may not see (another citizen's case)
                boolean hidden = call.kind().equals("query") && r.errors() == null && r.data() != null
                        && r.data().path(call.field()).isNull();
                if (succeeded && !expected) {
                    failures.add(who + " " + call.kind() + " " + call.field() + " SUCCEEDED: " + r.body());
                } else if (!succeeded && !expected && !hidden && (r.errorCode() == null || !REFUSALS.contains(r.errorCode()))) {
                    failures.add(who + " " + call.kind() + " " + call.field() + " refused without reaching the access check ("
                            + r.errorCode() + "): " + r.body() + "  variables " + call.variables());
                } else if (!succeeded && expected && call.kind().equals("query") && !"NOT_FOUND".equals(r.errorCode())) {
                    failures.add(who + " query " + call.field() + " is declared allowed but failed: " + r.body());
                }
            }
        }
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    /**
     * The subscriptions with a scoped argument (caseUpdated: 连山's case of another citizen), opened over the
     * WebSocket by each caller: the first message must be a refusal (an error with UNAUTHENTICATED, FORBIDDEN
     * or NOT_FOUND), never the record, unless declared above.
     */
    @Test
    void noCallerFollowsAnotherTenantsRecordsLive_T2() throws Exception {
        List<Call> calls = new ArrayList<>();
        for (JsonNode f : fields("subscriptionType")) {
            if (scoped(f.get("args"), 0)) calls.add(call("subscription", f));
        }
        assertThat(calls).extracting(Call::field).contains("caseUpdated");
        List<String> failures = new ArrayList<>();
        for (Call call : calls) {
            for (Who who : Who.values()) {
                try (Subscription s = Subscription.open(who.token(), call.document(), call.variables())) {
                    JsonNode m = s.next(20);
                    JsonNode payload = m.path("payload");
                    JsonNode errors = m.get("type").asString().equals("error") ? payload : payload.path("errors");
                    boolean succeeded = m.get("type").asString().equals("next") && errors.isMissingNode()
                            && !payload.path("data").path(call.field()).isNull() && !payload.path("data").path(call.field()).isMissingNode();
                    boolean expected = ALLOWED_SUBSCRIPTIONS.getOrDefault(call.field(), Set.of()).contains(who);
                    String code = errors.isArray() && !errors.isEmpty() ? errors.get(0).path("extensions").path("code").asString(null) : null;
                    if (succeeded && !expected) {
                        failures.add(who + " subscription " + call.field() + " SUCCEEDED: " + m);
                    } else if (!succeeded && expected) {
                        failures.add(who + " subscription " + call.field() + " is declared allowed but failed: " + m);
                    } else if (!succeeded && (code == null || !REFUSALS.contains(code))) {
                        failures.add(who + " subscription " + call.field() + " refused without reaching the access check: " + m);
                    }
                }
            }
        }
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    /**
     * The positive control: the tenant's own administrator (for a regional read, its province's) passes the access
     * check of every query in the matrix (an answer, or NOT_FOUND where the record has no such state, e.g. no draft to validate),
     * so the calls above are refused for who calls, not for how they are made.
     */
    @Test
    void theTenantsOwnAdministratorReadsEverythingInTheMatrix_T7() {
        String admin = Tokens.staff("lianshan.admin");
        String province = Tokens.staff("gd.admin");
        List<String> failures = new ArrayList<>();
        for (Call call : calls()) {
            if (!call.kind().equals("query") || CITIZEN_READS.contains(call.field())) continue;
            Api.Response r = Api.graphql(REGIONAL_READS.contains(call.field()) ? province : admin, call.document(), call.variables());
            if (r.errors() != null && !"NOT_FOUND".equals(r.errorCode())) {
                failures.add(call.field() + ": " + r.body() + "  variables " + call.variables());
            }
        }
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    /**
     * C12: a case of 连山 filed at 台山's hall is 台山's to see and forward, and nobody else's outside 连山:
     * the staff of a third tenant (罗山, 411521) neither see it (null, not in their queue) nor act on it.
     */
    @Test
    void aThirdTenantNeitherSeesNorActsOnACaseReceivedForAnother_C12() {
        String id = CrossRegionCaseTest.filedAtTheOtherHall("RECEIVING_HALL_PICKUP");
        String hall = Tokens.staff("taishan.clerk");
        assertThat(CrossRegionCaseTest.read(hall, id).path("id").asString()).as("the receiving hall sees it").isEqualTo(id);
        long version = CrossRegionCaseTest.read(hall, id).path("version").asLong();
        for (String third : List.of(Tokens.staff("luoshan.clerk"), Tokens.staff("henan.admin"))) {
            Api.Response read = Api.graphql(third, "query($id: ID!) { case(id: $id) { id } }", Map.of("id", id));
            assertThat(read.data() == null || read.data().path("case").isNull()).as(read.body().toString()).isTrue();
            for (String[] op : new String[][] {{"forwardCase", "ForwardCaseInput"}, {"handOverCaseResult", "HandOverCaseResultInput"},
                    {"receiveForwardedCase", "ReceiveForwardedCaseInput"}, {"returnCaseResult", "ReturnCaseResultInput"},
                    {"startRemoteAgency", "StartRemoteAgencyInput"}}) {
                Api.Response r = CrossRegionCaseTest.act(third, op[0], op[1], CrossRegionCaseTest.staff(id, version));
                assertThat(r.errorCode()).as(op[0] + ": " + r.body()).isIn("FORBIDDEN", "NOT_FOUND");
            }
        }
        assertThat(CrossRegionCaseTest.inInbox(Tokens.staff("luoshan.clerk"), "411521", "RECEIVED_FOR_OTHERS", id)).isNull();
        assertThat(CrossRegionCaseTest.read(hall, id).path("version").asLong()).as("nothing changed").isEqualTo(version);
    }

    private static boolean expected(Call call, Who who) {
        if (call.kind().equals("mutation")) return ALLOWED_MUTATIONS.getOrDefault(call.field(), Set.of()).contains(who);
        if (PUBLIC_READS.contains(call.field())) return true;
        if (CITIZEN_READS.contains(call.field())) return who == Who.CITIZEN;
        return who == Who.TOWN_AGENT && OWN_STAFF_READS.contains(call.field());
    }

    // ------------------------------------------------------------------ building calls from the schema

    private static List<Call> calls() {
        List<Call> out = new ArrayList<>();
        for (JsonNode f : fields("queryType")) {
            if (scoped(f.get("args"), 0)) out.add(call("query", f));
        }
        // every mutation, with or without arguments (reconcileStaff takes none), but the placeholder _noop
        for (JsonNode f : fields("mutationType")) {
            if (f.get("name").asString().startsWith("_")) continue;
            Call c = call("mutation", f);
            if (c.field().equals("takeTicket")) out.addAll(ticketCalls(c));
            else out.add(c);
        }
        return out;
    }

    /**
     * takeTicket's optional itemId and packageId are both ids and filled alike, but one ticket is for an item (G1, ADR 0036)
     * or a whole package (G3, ADR 0037), never both (VALIDATION): the matrix calls it once with 连山's item and once with
     * 连山's 出生一件事 and its complete walk (the answers of a newborn registered elsewhere), each under its own key.
     */
    @SuppressWarnings("unchecked")
    private static List<Call> ticketCalls(Call c) {
        Map<String, Object> item = new LinkedHashMap<>((Map<String, Object>) c.variables().get("input"));
        Map<String, Object> pkg = new LinkedHashMap<>(item);
        assertThat(item).as("the matrix fills takeTicket's itemId and packageId").containsKeys("itemId", "packageId");
        item.remove("packageId");
        pkg.remove("itemId");
        pkg.put("idempotencyKey", "matrix-package-" + item.get("idempotencyKey"));
        List<Map<String, String>> walk = new ArrayList<>();
        String[] answers = {"order", "1", "married", "YES", "sameHousehold", "NO", "who", "NEWBORN", "first", "YES", "photo", "NO"};
        for (int i = 0; i < answers.length; i += 2) walk.add(Map.of("questionId", answers[i], "value", answers[i + 1]));
        pkg.put("packageAnswers", walk);
        Map<String, Object> itemVariables = new LinkedHashMap<>(c.variables());
        itemVariables.put("input", item);
        Map<String, Object> packageVariables = new LinkedHashMap<>(c.variables());
        packageVariables.put("input", pkg);
        return List.of(new Call(c.kind(), c.field(), c.document(), itemVariables), new Call(c.kind(), c.field(), c.document(), packageVariables));
    }

    private static List<JsonNode> fields(String rootType) {
        String name = schema.path(rootType).path("name").asString();
        List<JsonNode> out = new ArrayList<>();
        type(name).get("fields").forEach(out::add);
        return out;
    }

    private static JsonNode type(String name) {
        for (JsonNode t : schema.get("types")) if (t.get("name").asString().equals(name)) return t;
        throw new IllegalStateException("type " + name + " not in the schema");
    }

    /** Whether any argument (or a field of an input argument) carries a tenant, a region or an id. */
    private static boolean scoped(JsonNode args, int depth) {
        if (args == null || depth > 3) return false;
        for (JsonNode a : args) {
            if (SCOPED.matcher(a.get("name").asString()).matches()) return true;
            JsonNode named = named(a.get("type"));
            if (named.get("kind").asString().equals("INPUT_OBJECT") && scoped(type(named.get("name").asString()).get("inputFields"), depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private static Call call(String kind, JsonNode field) {
        String name = field.get("name").asString();
        StringBuilder decl = new StringBuilder();
        StringBuilder use = new StringBuilder();
        Map<String, Object> variables = new LinkedHashMap<>();
        for (JsonNode a : field.get("args")) {
            boolean required = a.get("type").get("kind").asString().equals("NON_NULL");
            String argName = a.get("name").asString();
            // optional arguments are left out unless they scope the call (e.g. windows(hallId))
            if (!required && !SCOPED.matcher(argName).matches()) continue;
            Object value = value(argName, a.get("type"), name, 0);
            if (value == null) continue;
            decl.append(decl.isEmpty() ? "" : ", ").append('$').append(argName).append(": ").append(typeRef(a.get("type")));
            use.append(use.isEmpty() ? "" : ", ").append(argName).append(": $").append(argName);
            variables.put(argName, value);
        }
        String selection = isComposite(field.get("type")) ? " { __typename }" : "";
        String document = kind + (decl.isEmpty() ? "" : "(" + decl + ")") + " { " + name
                + (use.isEmpty() ? "" : "(" + use + ")") + selection + " }";
        return new Call(kind, name, document, variables);
    }

    /** A well-formed value of the type, aimed at 连山: its code, its province, its records' ids. */
    private static Object value(String name, JsonNode typeRef, String owner, int depth) {
        JsonNode t = typeRef;
        if (t.get("kind").asString().equals("NON_NULL")) t = t.get("ofType");
        if (t.get("kind").asString().equals("LIST")) {
            Object element = value(name, t.get("ofType"), owner, depth + 1);
            return element == null ? List.of() : List.of(element);
        }
        String typeName = t.get("name").asString();
        switch (t.get("kind").asString()) {
            case "ENUM" -> {
                return type(typeName).get("enumValues").get(0).get("name").asString();
            }
            case "INPUT_OBJECT" -> {
                if (depth > 4) return null;
                Map<String, Object> object = new LinkedHashMap<>();
                String inputOwner = ownerOf(typeName);
                for (JsonNode f : type(typeName).get("inputFields")) {
                    boolean required = f.get("type").get("kind").asString().equals("NON_NULL");
                    String fieldName = f.get("name").asString();
                    if (!required && !SCOPED.matcher(fieldName).matches()) continue;
                    Object v = value(fieldName, f.get("type"), inputOwner, depth + 1);
                    if (v != null) object.put(fieldName, v);
                }
                return object;
            }
            default -> {
                return scalar(name, typeName, owner);
            }
        }
    }

    /** "ChangeStandardItemInput" → "standardItem": whose id a bare {@code id} field means. */
    private static String ownerOf(String inputType) {
        String s = inputType.replaceFirst("Input$", "").replaceFirst("^(Add|Change|Update|Create|Save|Publish|Withdraw|Remove|Set|Disable|Assign|Unassign|Adopt|Onboard|Offboard|Load)", "");
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static Object scalar(String name, String typeName, String owner) {
        switch (typeName) {
            case "Int": return name.equals("year") ? 2026 : 1;
            case "Float": return 1.0;
            case "Boolean": return true;
            case "Date": return "2026-12-15";
            case "DateTime": return "2026-12-15T02:00:00Z";
            default: break;
        }
        return switch (name) {
            case "tenantCode", "code" -> VICTIM;
            // a town of 连山 (addHall) or, for onboarding, a county of 广东 that is no tenant yet
            case "regionCode" -> owner.equals("tenant") ? "441823" : "441825101";
            case "provinceCode", "regionPrefix" -> PROVINCE;
            case "parentCode" -> VICTIM;
            case "id" -> IDS.getOrDefault(owner, VICTIM + ":" + UUID.randomUUID());
            case "username" -> VICTIM + ".matrix" + Long.toString(System.nanoTime() % 100000, 36);
            case "phone" -> "0763-6612345";
            case "reason" -> "跨租户访问测试";
            case "json" -> "{\"year\": 2026, \"days\": []}";
            case "opens" -> "08:30";
            case "closes" -> "17:30";
            case "month" -> "2026-11";
            case "code2", "businessCategory" -> "A";
            // a staff member's id (well-formed: the access check, not the id's shape, must refuse the call)
            case "chiefRepresentativeId" -> IDS.get("staff");
            default -> name.endsWith("Id") ? IDS.getOrDefault(name.substring(0, name.length() - 2), VICTIM + ":" + UUID.randomUUID())
                    : "测试" + name;
        };
    }

    private static JsonNode named(JsonNode typeRef) {
        JsonNode t = typeRef;
        while (t.hasNonNull("ofType")) t = t.get("ofType");
        return t;
    }

    private static boolean isComposite(JsonNode typeRef) {
        String kind = named(typeRef).get("kind").asString();
        return kind.equals("OBJECT") || kind.equals("INTERFACE") || kind.equals("UNION");
    }

    private static String typeRef(JsonNode t) {
        return switch (t.get("kind").asString()) {
            case "NON_NULL" -> typeRef(t.get("ofType")) + "!";
            case "LIST" -> "[" + typeRef(t.get("ofType")) + "]";
            default -> t.get("name").asString();
        };
    }

    private static final String TYPE_REF = "kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }";
    private static final String INTROSPECTION = """
            { __schema {
                queryType { name } mutationType { name } subscriptionType { name }
                types { name kind
                  fields { name type { %1$s } args { name type { %1$s } } }
                  inputFields { name type { %1$s } }
                  enumValues { name } } } }
            """.formatted(TYPE_REF);
}
