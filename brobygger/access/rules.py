"""Who may do what: the one table (security.md R13, ASVS 8.1.1).

Each entry says under which *condition* a role may take an action on a kind
of object. A missing entry means no. The enforcement lives in
`brobygger.access.policy` (pages and the API), with what each kind is from `access.kinds`; the permission-matrix
test walks every URL pattern and compares each answer with this table.

Conditions:
    ORG          any such object in the active organisation
    TEAM         the user sits on the young person's team
    SELF         the object is (about) the young person who is logged in
    CONSENT      the young person has an active consent naming the mentor's company
    OWN_COMPANY  the company is one the mentor belongs to
    SHARED       the young person (in another organisation) has an active consent
                 naming the user's organisation; only the consented categories show
    ROUND_OWNER  the seat is in a round of mutual choice the user made
"""

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _

from brobygger.core.roles import Role


class Kind(StrEnum):
    YOUNG_PERSON = "young_person"
    TEAM_MEMBER = "team_member"
    CONSENT = "consent"
    COMPANY = "company"
    MEMBERSHIP = "membership"
    ACCESS_LOG = "access_log"
    OWN_DATA = "own_data"
    FIGURES = "figures"
    SHARED_PERSON = "shared_person"  # a young person of another organisation, shared by consent
    PLAN_STEP = "plan_step"
    NOTE = "note"
    ACTIVITY = "activity"
    OFFER = "offer"
    FOLLOWUP_CONTACT = "followup_contact"
    STATUS_CHECK = "status_check"
    GROUP = "group"
    MEETING = "meeting"
    COMMUNITY = "community"
    REVIEW = "review"
    ATTENTION = "attention"
    OWN_INSTRUMENT = "own_instrument"  # a measure under the organisation's own licence
    CERTIFICATE = "certificate"  # a learning certificate (læringsbevis)
    ISSUER_KEY = "issuer_key"  # the organisation's key for signing certificates
    MATCH_WEIGHTS = "match_weights"  # how much each signal of the match counts
    ROUND = "round"  # a round of mutual choice
    ROUND_SEAT = "round_seat"  # a young person's place in a round, with their private ranking
    ROUND_OFFER = "round_offer"  # an offer in a round, with the company's private ranking
    PUBLIC_CONTENT = "public_content"  # the catalogue, the rules guide and the glossary (not tenant data)
    SELF_ASSESSMENT = "self_assessment"  # an organisation's lovende-praksis self-assessment of an entry
    IMPORT_BATCH = "import_batch"  # an uploaded CSV or Excel file on its way in
    ATTACHMENT = "attachment"  # a document on a young person's case


class Action(StrEnum):
    LIST = "list"
    VIEW = "view"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    MANAGE_TEAM = "manage_team"
    GIVE_CONSENT = "give_consent"
    WITHDRAW = "withdraw"
    UPDATE_PLAN = "update_plan"
    CHANGE_STATUS = "change_status"
    WRITE_NOTE = "write_note"
    PROPOSE_ACTIVITY = "propose_activity"
    ACCEPT_PATHWAY = "accept_pathway"
    VIEW_SENSITIVE = "view_sensitive"
    RECORD_SENSITIVE = "record_sensitive"
    ANSWER = "answer"
    WISH = "wish"
    EXPORT = "export"
    DASHBOARD = "dashboard"
    LOG_CONTACT = "log_contact"
    END = "end"
    ATTEND = "attend"
    WRITE_LEARNING_PLAN = "write_learning_plan"
    ACCEPT_LEARNING_PLAN = "accept_learning_plan"
    MESSAGE = "message"
    STEP_BACK_IN = "step_back_in"
    RECORD_TALENT = "record_talent"
    CREATE_OFFER = "create_offer"
    RECORD = "record"
    START_FOLLOWUP = "start_followup"
    POINT_TO_COMMUNITY = "point_to_community"
    DECIDE = "decide"
    DISTRIBUTE = "distribute"
    END_PATHWAY = "end_pathway"
    ANSWER_MEASURE = "answer_measure"
    RECORD_MEASURE = "record_measure"
    PUBLISH = "publish"
    WRITE_CERTIFICATE = "write_certificate"
    SIGN = "sign"
    APPROVE = "approve"
    REVOKE = "revoke"
    SUGGEST = "suggest"
    RANK = "rank"
    READ_NOTES = "read_notes"
    IMPORT = "import"
    ATTACH = "attach"
    ERASE = "erase"


class Cond(StrEnum):
    ORG = "org"
    TEAM = "team"
    SELF = "self"
    CONSENT = "consent"
    OWN_COMPANY = "own_company"
    SHARED = "shared"
    ROUND_OWNER = "round_owner"


class FieldCategory(models.TextChoices):
    """What a young person can consent to share with a company. Staff with
    access see every category; a mentor sees only the consented ones."""

    IDENTITY = "identity", _("Name and age")
    CONTACT = "contact", _("Phone and e-mail")
    TEAM = "team", _("My team of professionals")
    PLAN = "plan", _("My plan and goals")
    ACTIVITIES = "activities", _("My activities and attendance")


C, W, L, T, M, Y, A, ADM, ED = (
    Role.COUNSELLOR,
    Role.CONSULTANT,
    Role.WORKSHOP_LEADER,
    Role.TEAM_LEAD,
    Role.MENTOR,
    Role.YOUNG_PERSON,
    Role.ANALYST,
    Role.ORG_ADMIN,
    Role.EDITOR,
)
YP, TM, CO, CP, MB, LOG, OWN, FIG = (
    Kind.YOUNG_PERSON,
    Kind.TEAM_MEMBER,
    Kind.CONSENT,
    Kind.COMPANY,
    Kind.MEMBERSHIP,
    Kind.ACCESS_LOG,
    Kind.OWN_DATA,
    Kind.FIGURES,
)

RULES: dict[tuple[str, Kind, Action], Cond] = {
    # Young people: professionals see the young people whose team they sit on;
    # the team lead sees everyone in the organisation to distribute and review.
    (C, YP, Action.LIST): Cond.TEAM,
    (W, YP, Action.LIST): Cond.TEAM,
    (L, YP, Action.LIST): Cond.TEAM,
    (T, YP, Action.LIST): Cond.ORG,
    (M, YP, Action.LIST): Cond.CONSENT,
    (C, YP, Action.VIEW): Cond.TEAM,
    (W, YP, Action.VIEW): Cond.TEAM,
    (L, YP, Action.VIEW): Cond.TEAM,
    (T, YP, Action.VIEW): Cond.ORG,
    (M, YP, Action.VIEW): Cond.CONSENT,
    (Y, YP, Action.VIEW): Cond.SELF,
    (C, YP, Action.CREATE): Cond.ORG,
    (T, YP, Action.CREATE): Cond.ORG,
    (C, YP, Action.UPDATE): Cond.TEAM,
    (T, YP, Action.UPDATE): Cond.ORG,
    (C, YP, Action.MANAGE_TEAM): Cond.TEAM,
    (T, YP, Action.MANAGE_TEAM): Cond.ORG,
    (C, YP, Action.GIVE_CONSENT): Cond.TEAM,
    (Y, YP, Action.GIVE_CONSENT): Cond.SELF,
    # The pathway and the plan: everyone on the team works on it; the lead
    # sees every pathway to distribute and review.
    (C, YP, Action.UPDATE_PLAN): Cond.TEAM,
    (W, YP, Action.UPDATE_PLAN): Cond.TEAM,
    (L, YP, Action.UPDATE_PLAN): Cond.TEAM,
    (T, YP, Action.UPDATE_PLAN): Cond.ORG,
    (C, YP, Action.CHANGE_STATUS): Cond.TEAM,
    (W, YP, Action.CHANGE_STATUS): Cond.TEAM,
    (T, YP, Action.CHANGE_STATUS): Cond.ORG,
    (C, YP, Action.WRITE_NOTE): Cond.TEAM,
    (W, YP, Action.WRITE_NOTE): Cond.TEAM,
    (L, YP, Action.WRITE_NOTE): Cond.TEAM,
    (T, YP, Action.WRITE_NOTE): Cond.ORG,
    # The notes are read by those who write them (the API; the page shows them with the rest).
    (C, YP, Action.READ_NOTES): Cond.TEAM,
    (W, YP, Action.READ_NOTES): Cond.TEAM,
    (L, YP, Action.READ_NOTES): Cond.TEAM,
    (T, YP, Action.READ_NOTES): Cond.ORG,
    (C, YP, Action.PROPOSE_ACTIVITY): Cond.TEAM,
    (W, YP, Action.PROPOSE_ACTIVITY): Cond.TEAM,
    (L, YP, Action.PROPOSE_ACTIVITY): Cond.TEAM,
    (T, YP, Action.PROPOSE_ACTIVITY): Cond.ORG,
    (C, YP, Action.ACCEPT_PATHWAY): Cond.TEAM,
    (T, YP, Action.ACCEPT_PATHWAY): Cond.ORG,
    # Special-category information: only the counsellors on the team, and
    # every opening asks for the purpose.
    (C, YP, Action.VIEW_SENSITIVE): Cond.TEAM,
    (C, YP, Action.RECORD_SENSITIVE): Cond.TEAM,
    (C, Kind.PLAN_STEP, Action.UPDATE): Cond.TEAM,
    (W, Kind.PLAN_STEP, Action.UPDATE): Cond.TEAM,
    (L, Kind.PLAN_STEP, Action.UPDATE): Cond.TEAM,
    (T, Kind.PLAN_STEP, Action.UPDATE): Cond.ORG,
    (Y, Kind.PLAN_STEP, Action.UPDATE): Cond.SELF,
    # Notes: corrected by their author on the day only (checked in the service).
    (C, Kind.NOTE, Action.UPDATE): Cond.TEAM,
    (W, Kind.NOTE, Action.UPDATE): Cond.TEAM,
    (L, Kind.NOTE, Action.UPDATE): Cond.TEAM,
    (T, Kind.NOTE, Action.UPDATE): Cond.ORG,
    # A proposed activity is answered by the young person alone.
    (Y, Kind.ACTIVITY, Action.ANSWER): Cond.SELF,
    # Activities (virksomhedstrappen). A mentor reaches an activity only at
    # their own company and only while the young person consents to share with it.
    (C, Kind.ACTIVITY, Action.VIEW): Cond.TEAM,
    (W, Kind.ACTIVITY, Action.VIEW): Cond.TEAM,
    (L, Kind.ACTIVITY, Action.VIEW): Cond.TEAM,
    (T, Kind.ACTIVITY, Action.VIEW): Cond.ORG,
    (M, Kind.ACTIVITY, Action.VIEW): Cond.CONSENT,
    (Y, Kind.ACTIVITY, Action.VIEW): Cond.SELF,
    (M, Kind.ACTIVITY, Action.LIST): Cond.CONSENT,
    # En dør på klem: the young person or the staff can end it at any time.
    (C, Kind.ACTIVITY, Action.END): Cond.TEAM,
    (W, Kind.ACTIVITY, Action.END): Cond.TEAM,
    (T, Kind.ACTIVITY, Action.END): Cond.ORG,
    (Y, Kind.ACTIVITY, Action.END): Cond.SELF,
    (C, Kind.ACTIVITY, Action.STEP_BACK_IN): Cond.TEAM,
    (W, Kind.ACTIVITY, Action.STEP_BACK_IN): Cond.TEAM,
    (T, Kind.ACTIVITY, Action.STEP_BACK_IN): Cond.ORG,
    (Y, Kind.ACTIVITY, Action.STEP_BACK_IN): Cond.SELF,
    (C, Kind.ACTIVITY, Action.ATTEND): Cond.TEAM,
    (W, Kind.ACTIVITY, Action.ATTEND): Cond.TEAM,
    (L, Kind.ACTIVITY, Action.ATTEND): Cond.TEAM,
    (T, Kind.ACTIVITY, Action.ATTEND): Cond.ORG,
    (M, Kind.ACTIVITY, Action.ATTEND): Cond.CONSENT,
    (C, Kind.ACTIVITY, Action.WRITE_LEARNING_PLAN): Cond.TEAM,
    (W, Kind.ACTIVITY, Action.WRITE_LEARNING_PLAN): Cond.TEAM,
    (T, Kind.ACTIVITY, Action.WRITE_LEARNING_PLAN): Cond.ORG,
    (M, Kind.ACTIVITY, Action.WRITE_LEARNING_PLAN): Cond.CONSENT,
    (Y, Kind.ACTIVITY, Action.ACCEPT_LEARNING_PLAN): Cond.SELF,
    (M, Kind.ACTIVITY, Action.MESSAGE): Cond.CONSENT,
    # Workshop leaders spot talents; counsellors may record them too.
    (L, YP, Action.RECORD_TALENT): Cond.TEAM,
    (C, YP, Action.RECORD_TALENT): Cond.TEAM,
    # Follow-up and aftercare: anyone on the team records a contact.
    (C, YP, Action.END_PATHWAY): Cond.TEAM,
    (T, YP, Action.END_PATHWAY): Cond.ORG,
    (C, YP, Action.START_FOLLOWUP): Cond.TEAM,
    (T, YP, Action.START_FOLLOWUP): Cond.ORG,
    (C, Kind.FOLLOWUP_CONTACT, Action.LIST): Cond.ORG,
    (W, Kind.FOLLOWUP_CONTACT, Action.LIST): Cond.ORG,
    (T, Kind.FOLLOWUP_CONTACT, Action.LIST): Cond.ORG,
    (C, Kind.FOLLOWUP_CONTACT, Action.RECORD): Cond.TEAM,
    (W, Kind.FOLLOWUP_CONTACT, Action.RECORD): Cond.TEAM,
    (T, Kind.FOLLOWUP_CONTACT, Action.RECORD): Cond.ORG,
    (C, Kind.STATUS_CHECK, Action.RECORD): Cond.TEAM,
    (W, Kind.STATUS_CHECK, Action.RECORD): Cond.TEAM,
    (T, Kind.STATUS_CHECK, Action.RECORD): Cond.ORG,
    # Measures: the young person answers in their portal; a professional on the team
    # reads them aloud or gives their own view. An answer that asks for contact is
    # followed up by the team.
    (Y, OWN, Action.ANSWER_MEASURE): Cond.SELF,
    (C, YP, Action.RECORD_MEASURE): Cond.TEAM,
    (W, YP, Action.RECORD_MEASURE): Cond.TEAM,
    (T, YP, Action.RECORD_MEASURE): Cond.ORG,
    (C, Kind.ATTENTION, Action.RECORD): Cond.TEAM,
    (T, Kind.ATTENTION, Action.RECORD): Cond.ORG,
    # Community: network groups (youth-to-youth) and other communities.
    (C, Kind.GROUP, Action.LIST): Cond.ORG,
    (W, Kind.GROUP, Action.LIST): Cond.ORG,
    (L, Kind.GROUP, Action.LIST): Cond.ORG,
    (T, Kind.GROUP, Action.LIST): Cond.ORG,
    (C, Kind.GROUP, Action.VIEW): Cond.ORG,
    (W, Kind.GROUP, Action.VIEW): Cond.ORG,
    (L, Kind.GROUP, Action.VIEW): Cond.ORG,
    (T, Kind.GROUP, Action.VIEW): Cond.ORG,
    (C, Kind.GROUP, Action.CREATE): Cond.ORG,
    (L, Kind.GROUP, Action.CREATE): Cond.ORG,
    (T, Kind.GROUP, Action.CREATE): Cond.ORG,
    (C, Kind.GROUP, Action.UPDATE): Cond.ORG,
    (L, Kind.GROUP, Action.UPDATE): Cond.ORG,
    (T, Kind.GROUP, Action.UPDATE): Cond.ORG,
    (C, Kind.MEETING, Action.VIEW): Cond.ORG,
    (L, Kind.MEETING, Action.VIEW): Cond.ORG,
    (T, Kind.MEETING, Action.VIEW): Cond.ORG,
    (C, Kind.MEETING, Action.UPDATE): Cond.ORG,
    (L, Kind.MEETING, Action.UPDATE): Cond.ORG,
    (T, Kind.MEETING, Action.UPDATE): Cond.ORG,
    (C, Kind.COMMUNITY, Action.LIST): Cond.ORG,
    (W, Kind.COMMUNITY, Action.LIST): Cond.ORG,
    (L, Kind.COMMUNITY, Action.LIST): Cond.ORG,
    (T, Kind.COMMUNITY, Action.LIST): Cond.ORG,
    (C, Kind.COMMUNITY, Action.CREATE): Cond.ORG,
    (L, Kind.COMMUNITY, Action.CREATE): Cond.ORG,
    (T, Kind.COMMUNITY, Action.CREATE): Cond.ORG,
    (C, YP, Action.POINT_TO_COMMUNITY): Cond.TEAM,
    (L, YP, Action.POINT_TO_COMMUNITY): Cond.TEAM,
    (T, YP, Action.POINT_TO_COMMUNITY): Cond.ORG,
    # Case reviews: led by the team lead; decisions are visible to the young person.
    (T, Kind.REVIEW, Action.LIST): Cond.ORG,
    (C, Kind.REVIEW, Action.LIST): Cond.ORG,
    (T, Kind.REVIEW, Action.CREATE): Cond.ORG,
    (T, Kind.REVIEW, Action.VIEW): Cond.ORG,
    (C, Kind.REVIEW, Action.VIEW): Cond.ORG,
    (T, Kind.REVIEW, Action.DECIDE): Cond.ORG,
    (T, Kind.REVIEW, Action.DISTRIBUTE): Cond.ORG,
    # Offers in the company network.
    (C, Kind.OFFER, Action.LIST): Cond.ORG,
    (W, Kind.OFFER, Action.LIST): Cond.ORG,
    (L, Kind.OFFER, Action.LIST): Cond.ORG,
    (T, Kind.OFFER, Action.LIST): Cond.ORG,
    (M, Kind.OFFER, Action.LIST): Cond.OWN_COMPANY,
    (C, Kind.OFFER, Action.VIEW): Cond.ORG,
    (W, Kind.OFFER, Action.VIEW): Cond.ORG,
    (L, Kind.OFFER, Action.VIEW): Cond.ORG,
    (T, Kind.OFFER, Action.VIEW): Cond.ORG,
    (M, Kind.OFFER, Action.VIEW): Cond.OWN_COMPANY,
    (W, Kind.OFFER, Action.UPDATE): Cond.ORG,
    (T, Kind.OFFER, Action.UPDATE): Cond.ORG,
    # The team around a young person.
    (C, TM, Action.DELETE): Cond.TEAM,
    (T, TM, Action.DELETE): Cond.ORG,
    # Consents: the young person and their counsellor can withdraw.
    (C, CO, Action.WITHDRAW): Cond.TEAM,
    (T, CO, Action.WITHDRAW): Cond.ORG,
    (Y, CO, Action.WITHDRAW): Cond.SELF,
    # Companies: all professionals see the network; consultants and leads keep it.
    (C, CP, Action.LIST): Cond.ORG,
    (W, CP, Action.LIST): Cond.ORG,
    (L, CP, Action.LIST): Cond.ORG,
    (T, CP, Action.LIST): Cond.ORG,
    (M, CP, Action.LIST): Cond.OWN_COMPANY,
    (C, CP, Action.VIEW): Cond.ORG,
    (W, CP, Action.VIEW): Cond.ORG,
    (L, CP, Action.VIEW): Cond.ORG,
    (T, CP, Action.VIEW): Cond.ORG,
    (M, CP, Action.VIEW): Cond.OWN_COMPANY,
    (W, CP, Action.CREATE): Cond.ORG,
    (T, CP, Action.CREATE): Cond.ORG,
    (W, CP, Action.UPDATE): Cond.ORG,
    (T, CP, Action.UPDATE): Cond.ORG,
    (W, CP, Action.LOG_CONTACT): Cond.ORG,
    (T, CP, Action.LOG_CONTACT): Cond.ORG,
    (W, CP, Action.DASHBOARD): Cond.ORG,
    (T, CP, Action.DASHBOARD): Cond.ORG,
    # A new offer belongs to a company: creating it is an action on the company.
    (W, CP, Action.CREATE_OFFER): Cond.ORG,
    (T, CP, Action.CREATE_OFFER): Cond.ORG,
    # Members of the organisation.
    (ADM, MB, Action.LIST): Cond.ORG,
    (ADM, MB, Action.CREATE): Cond.ORG,
    (ADM, MB, Action.DELETE): Cond.ORG,
    # Spot checks of the access log (Datatilsynet, "Stikprøver i log").
    (T, LOG, Action.LIST): Cond.ORG,
    (ADM, LOG, Action.LIST): Cond.ORG,
    # The young person's own portal.
    (Y, OWN, Action.VIEW): Cond.SELF,
    (Y, OWN, Action.GIVE_CONSENT): Cond.SELF,
    (Y, OWN, Action.UPDATE_PLAN): Cond.SELF,
    (Y, OWN, Action.ACCEPT_PATHWAY): Cond.SELF,
    (Y, OWN, Action.WISH): Cond.SELF,
    (Y, OWN, Action.EXPORT): Cond.SELF,
    # Young people of other organisations who consented to share with ours.
    (C, Kind.SHARED_PERSON, Action.LIST): Cond.SHARED,
    (C, Kind.SHARED_PERSON, Action.VIEW): Cond.SHARED,
    (T, Kind.SHARED_PERSON, Action.LIST): Cond.SHARED,
    (T, Kind.SHARED_PERSON, Action.VIEW): Cond.SHARED,
    # Anonymised figures: never row-level data.
    (A, FIG, Action.VIEW): Cond.ORG,
    (T, FIG, Action.VIEW): Cond.ORG,
    (A, FIG, Action.EXPORT): Cond.ORG,
    (T, FIG, Action.EXPORT): Cond.ORG,
    (T, FIG, Action.UPDATE): Cond.ORG,  # the targets (måltal)
    (T, FIG, Action.PUBLISH): Cond.ORG,  # open outcome data
    (T, Kind.OWN_INSTRUMENT, Action.CREATE): Cond.ORG,
    (ADM, Kind.OWN_INSTRUMENT, Action.CREATE): Cond.ORG,
    # Learning certificates: the company writes and signs (the mentor, or the consultant
    # with the name of whoever signs for the company), the young person approves and
    # owns it; the consultant on the team and the lead can revoke it with a reason.
    (C, Kind.ACTIVITY, Action.WRITE_CERTIFICATE): Cond.TEAM,
    (W, Kind.ACTIVITY, Action.WRITE_CERTIFICATE): Cond.TEAM,
    (T, Kind.ACTIVITY, Action.WRITE_CERTIFICATE): Cond.ORG,
    (M, Kind.ACTIVITY, Action.WRITE_CERTIFICATE): Cond.CONSENT,
    (C, Kind.CERTIFICATE, Action.VIEW): Cond.TEAM,
    (W, Kind.CERTIFICATE, Action.VIEW): Cond.TEAM,
    (L, Kind.CERTIFICATE, Action.VIEW): Cond.TEAM,
    (T, Kind.CERTIFICATE, Action.VIEW): Cond.ORG,
    (M, Kind.CERTIFICATE, Action.VIEW): Cond.CONSENT,
    (Y, Kind.CERTIFICATE, Action.VIEW): Cond.SELF,
    (M, Kind.CERTIFICATE, Action.SIGN): Cond.CONSENT,
    (W, Kind.CERTIFICATE, Action.SIGN): Cond.TEAM,
    (Y, Kind.CERTIFICATE, Action.APPROVE): Cond.SELF,
    (W, Kind.CERTIFICATE, Action.REVOKE): Cond.TEAM,
    (T, Kind.CERTIFICATE, Action.REVOKE): Cond.ORG,
    (ADM, Kind.ISSUER_KEY, Action.LIST): Cond.ORG,
    (ADM, Kind.ISSUER_KEY, Action.UPDATE): Cond.ORG,
    # The intelligent match supports the professionals' judgement: suggestions for the young
    # people on their team, and, for an offer, among the young people each may see.
    (C, YP, Action.SUGGEST): Cond.TEAM,
    (W, YP, Action.SUGGEST): Cond.TEAM,
    (L, YP, Action.SUGGEST): Cond.TEAM,
    (T, YP, Action.SUGGEST): Cond.ORG,
    (C, Kind.OFFER, Action.SUGGEST): Cond.ORG,
    (W, Kind.OFFER, Action.SUGGEST): Cond.ORG,
    (T, Kind.OFFER, Action.SUGGEST): Cond.ORG,
    (T, Kind.MATCH_WEIGHTS, Action.UPDATE): Cond.ORG,
    # Rounds of mutual choice: staff run them; the young person ranks offers in private,
    # the company (its mentor, or the consultant for it) ranks the young people who applied.
    (C, Kind.ROUND, Action.LIST): Cond.ORG,
    (W, Kind.ROUND, Action.LIST): Cond.ORG,
    (T, Kind.ROUND, Action.LIST): Cond.ORG,
    (C, Kind.ROUND, Action.CREATE): Cond.ORG,
    (W, Kind.ROUND, Action.CREATE): Cond.ORG,
    (T, Kind.ROUND, Action.CREATE): Cond.ORG,
    (C, Kind.ROUND, Action.VIEW): Cond.ORG,
    (W, Kind.ROUND, Action.VIEW): Cond.ORG,
    (T, Kind.ROUND, Action.VIEW): Cond.ORG,
    (C, Kind.ROUND, Action.UPDATE): Cond.ORG,
    (W, Kind.ROUND, Action.UPDATE): Cond.ORG,
    (T, Kind.ROUND, Action.UPDATE): Cond.ORG,
    (C, Kind.ROUND, Action.PUBLISH): Cond.ORG,
    (W, Kind.ROUND, Action.PUBLISH): Cond.ORG,
    (T, Kind.ROUND, Action.PUBLISH): Cond.ORG,
    (C, Kind.ROUND, Action.END): Cond.ORG,
    (W, Kind.ROUND, Action.END): Cond.ORG,
    (T, Kind.ROUND, Action.END): Cond.ORG,
    (Y, Kind.ROUND_SEAT, Action.RANK): Cond.SELF,
    (Y, Kind.ROUND_SEAT, Action.WITHDRAW): Cond.SELF,
    # Taking someone out of a round deletes their private ranking: their own team, the round's owner
    # and the team lead who distributes the cases may; any other counsellor may not.
    (C, Kind.ROUND_SEAT, Action.WITHDRAW): Cond.TEAM,
    (W, Kind.ROUND_SEAT, Action.WITHDRAW): Cond.ROUND_OWNER,
    (T, Kind.ROUND_SEAT, Action.WITHDRAW): Cond.ORG,
    (M, Kind.ROUND_OFFER, Action.RANK): Cond.OWN_COMPANY,
    (W, Kind.ROUND_OFFER, Action.RANK): Cond.ORG,
    (T, Kind.ROUND_OFFER, Action.RANK): Cond.ORG,
    # The public catalogue, rules guide and glossary are one installation-wide
    # body of content: an editor (a membership in any organisation) keeps it.
    (ED, Kind.PUBLIC_CONTENT, Action.CREATE): Cond.ORG,
    (ED, Kind.PUBLIC_CONTENT, Action.UPDATE): Cond.ORG,
    (ED, Kind.PUBLIC_CONTENT, Action.DELETE): Cond.ORG,
    (ED, Kind.PUBLIC_CONTENT, Action.VIEW): Cond.ORG,
    # The lead assesses the organisation's own initiatives and publishes the result.
    (T, Kind.SELF_ASSESSMENT, Action.LIST): Cond.ORG,
    (T, Kind.SELF_ASSESSMENT, Action.UPDATE): Cond.ORG,
    (T, Kind.SELF_ASSESSMENT, Action.PUBLISH): Cond.ORG,
    # Exchange with municipal systems (CSV and Excel). The lead brings in young people and
    # their status history; the consultant and the lead bring in companies and offers.
    # Whoever may see the data may take it out; every export is in the access log.
    (T, YP, Action.IMPORT): Cond.ORG,
    (W, CP, Action.IMPORT): Cond.ORG,
    (T, CP, Action.IMPORT): Cond.ORG,
    (C, YP, Action.EXPORT): Cond.TEAM,
    (T, YP, Action.EXPORT): Cond.ORG,
    (C, CP, Action.EXPORT): Cond.ORG,
    (W, CP, Action.EXPORT): Cond.ORG,
    (L, CP, Action.EXPORT): Cond.ORG,
    (T, CP, Action.EXPORT): Cond.ORG,
    # An import batch is seen by those who may import (its kind is checked again on the page).
    (W, Kind.IMPORT_BATCH, Action.VIEW): Cond.ORG,
    (T, Kind.IMPORT_BATCH, Action.VIEW): Cond.ORG,
    (W, Kind.IMPORT_BATCH, Action.LIST): Cond.ORG,
    (T, Kind.IMPORT_BATCH, Action.LIST): Cond.ORG,
    (W, Kind.IMPORT_BATCH, Action.IMPORT): Cond.ORG,
    (T, Kind.IMPORT_BATCH, Action.IMPORT): Cond.ORG,
    # Documents on the case: the team adds and removes them; the young person sees and downloads their own.
    (C, YP, Action.ATTACH): Cond.TEAM,
    (W, YP, Action.ATTACH): Cond.TEAM,
    (L, YP, Action.ATTACH): Cond.TEAM,
    (T, YP, Action.ATTACH): Cond.ORG,
    (C, Kind.ATTACHMENT, Action.VIEW): Cond.TEAM,
    (W, Kind.ATTACHMENT, Action.VIEW): Cond.TEAM,
    (L, Kind.ATTACHMENT, Action.VIEW): Cond.TEAM,
    (T, Kind.ATTACHMENT, Action.VIEW): Cond.ORG,
    (Y, Kind.ATTACHMENT, Action.VIEW): Cond.SELF,
    (C, Kind.ATTACHMENT, Action.DELETE): Cond.TEAM,
    (W, Kind.ATTACHMENT, Action.DELETE): Cond.TEAM,
    (L, Kind.ATTACHMENT, Action.DELETE): Cond.TEAM,
    (T, Kind.ATTACHMENT, Action.DELETE): Cond.ORG,
    # Art. 17: the team lead erases a young person (NGOs) or archives them (municipal units).
    (T, YP, Action.ERASE): Cond.ORG,
}

# Which field categories of a young person a role sees once it has access.
# Every role not named here sees all categories. Shared young people of other
# organisations always show only the consented categories.
CONSENTED_FIELDS_ONLY: frozenset[Role] = frozenset({M})

# Purpose written in the access log when a role reads or changes a young person's data.
ROLE_PURPOSE: dict[Role, str] = {
    C: "casework",
    W: "casework",
    L: "casework",
    T: "distribution",
    M: "mentoring",
    Y: "own_data",
    A: "administration",
    ADM: "administration",
    ED: "editing",
}


def condition(role: str, kind: Kind, action: Action) -> Cond | None:
    return RULES.get((role, kind, action))


def roles_allowed(kind: Kind, action: Action) -> set[str]:
    return {role for (role, k, a) in RULES if k == kind and a == action}
