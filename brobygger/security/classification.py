"""Every model field, classified (security.md R24, ASVS 14.1.1).

PUBLIC      no personal data (it may still be internal to the organisation)
PERSONAL    about an identifiable person (GDPR Art. 6)
SPECIAL     special-category data (Art. 9: health, diagnosis, abuse) and criminal-offence data
            where it is kept together with Art. 9 data (sensitive.SensitiveInformation)
CRIMINAL    criminal-offence data kept on its own (Art. 10)
CPR         CPR numbers (databeskyttelsesloven § 11)

SPECIAL, CRIMINAL and CPR fields must be encrypted (tests/test_security.py checks both this
and that no field of our apps is missing here). A new field fails the test until it is named.
"""

PUBLIC, PERSONAL, SPECIAL, CRIMINAL, CPR = "public", "personal", "special", "criminal", "cpr"
ENCRYPTED_CLASSES = frozenset({SPECIAL, CRIMINAL, CPR})

_FIELDS = {
    "accounts.User": {
        PERSONAL: "first_name last_name email password last_login date_joined",
        PUBLIC: "id is_superuser is_staff is_active session_stamp",
    },
    "tenancy.Organisation": {
        PUBLIC: "id name slug kind municipality no_contact_days followup_interval_days followup_months "
        "review_no_contact_days created_at"
    },
    "tenancy.Membership": {PERSONAL: "user role title created_at", PUBLIC: "id organisation"},
    "tenancy.Invitation": {
        PERSONAL: "email role first_name last_name title invited_by created_at expires_at accepted_at accepted_by "
        "cancelled_at",
        PUBLIC: "id organisation token_hash",
    },
    "people.YoungPerson": {
        PERSONAL: "first_name last_name birth_date gender phone email referral_date referral_source user "
        "external_key archived_at created_at updated_at login_invitation",
        CPR: "cpr",
        PUBLIC: "id organisation cpr_index",
    },
    "people.TeamMember": {PERSONAL: "young_person user role is_primary added_at", PUBLIC: "id organisation"},
    "companies.Company": {
        PUBLIC: "id organisation name cvr address postcode city sector knows_target_group agreement_in_place created_at"
    },
    "companies.CompanyContact": {PERSONAL: "name title email phone", PUBLIC: "id organisation company"},
    "companies.CompanyMentor": {PERSONAL: "user", PUBLIC: "id organisation company"},
    "companies.MentorInvitation": {PERSONAL: "invitation", PUBLIC: "id organisation company"},
    "companies.EscoOccupation": {PUBLIC: "id uri isco_group label alt_labels"},
    "companies.Offer": {
        PUBLIC: "id organisation company kind title description capacity hours_per_week place postcode accommodations "
        "esco_occupation workplace_size pace social setting suits_under_18 is_open external_key created_at"
    },
    "companies.ContactLogEntry": {PERSONAL: "user note", PUBLIC: "id organisation company day channel created_at"},
    "consent.Consent": {
        PERSONAL: "young_person company recipient_organisation categories text_version given_at recorded_by "
        "withdrawn_at withdrawn_by",
        PUBLIC: "id organisation",
    },
    "pathways.StatusCode": {PUBLIC: "id axis code label_da label_en valid_from valid_to order neet positive_outcome"},
    "pathways.Pathway": {
        PERSONAL: "young_person state phase accepted_on accepted_how dream livelihood initiative ended_on end_reason "
        "updated_at",
        PUBLIC: "id organisation version",
    },
    "pathways.StatusEntry": {
        PERSONAL: "young_person activity income valid_from note recorded_at recorded_by",
        PUBLIC: "id organisation",
    },
    "pathways.PlanStep": {
        PERSONAL: "young_person track goal due helper helper_text dream_distance done_at created_by created_at",
        PUBLIC: "id organisation version",
    },
    "pathways.Wish": {PERSONAL: "young_person kind text created_at", PUBLIC: "id organisation"},
    "conversations.Note": {
        PERSONAL: "young_person author conversation_date text tracks keys recognitions created_at edited_at",
        PUBLIC: "id organisation",
    },
    "staircase.Activity": {
        PERSONAL: "young_person kind title company offer mentor starts_on ends_on hours_per_week dream_distance state "
        "proposed_by proposed_at answered_at skipped_trial_reason ended_on ended_by learned end_reason "
        "stepped_back_from",
        PUBLIC: "id organisation",
    },
    "staircase.LearningPlan": {
        PERSONAL: "activity young_person goals tasks expectations_young_person expectations_company accommodations "
        "hours_per_day written_by updated_at accepted_at",
        PUBLIC: "id organisation",
    },
    "staircase.Attendance": {
        PERSONAL: "activity young_person day present hours registered_by registered_at",
        PUBLIC: "id organisation",
    },
    "staircase.Talent": {
        PERSONAL: "young_person spotted_by talent suggestion suggested_offer created_at",
        PUBLIC: "id organisation",
    },
    "staircase.MentorMessage": {PERSONAL: "activity young_person author text created_at", PUBLIC: "id organisation"},
    "sensitive.SensitiveInformation": {
        SPECIAL: "category text why_needed",
        PERSONAL: "young_person recorded_by recorded_at",
        PUBLIC: "id organisation",
    },
    "followup.FollowUpPlan": {
        PERSONAL: "young_person responsible outcome exit_on interval_days months created_at closed_on",
        PUBLIC: "id organisation",
    },
    "followup.FollowUpContact": {
        PERSONAL: "reminder_sent_at plan young_person due_on done_on reached how_it_goes note recorded_by lapsed",
        PUBLIC: "id organisation",
    },
    "followup.StatusCheck": {
        PERSONAL: "reminder_sent_at plan young_person months_after due_on done_on status unknown recorded_by",
        PUBLIC: "id organisation",
    },
    "followup.FeedToken": {PERSONAL: "user created_at", PUBLIC: "id token_hash"},
    "community.Group": {PUBLIC: "id organisation name description place every_weeks created_at"},
    "community.GroupMember": {PERSONAL: "group young_person phase may_be_named joined_on", PUBLIC: "id organisation"},
    "community.Meeting": {PERSONAL: "shared_note", PUBLIC: "id organisation group starts_at place"},
    "community.Participation": {PERSONAL: "meeting young_person attended", PUBLIC: "id organisation"},
    "community.Community": {PUBLIC: "id organisation name kind place description"},
    "community.Pointer": {PERSONAL: "young_person community pointed_by note created_at", PUBLIC: "id organisation"},
    "reviews.Review": {PERSONAL: "led_by", PUBLIC: "id organisation starts_at closed_at created_at"},
    "reviews.Decision": {PERSONAL: "review young_person text decided_by created_at", PUBLIC: "id organisation"},
    "catalogue.Initiative": {PUBLIC: "id organisation name slug summary created_at"},
    "catalogue.Term": {PUBLIC: "id kind slug name"},
    "catalogue.Ingredient": {PUBLIC: "id kind number slug title text"},
    "catalogue.Entry": {
        PUBLIC: "id slug name owner phase target_group purpose anchoring methods results figures sources keywords "
        "company_based seeds run_by initiative_slug last_reviewed updated_at search_vector"
    },
    "catalogue.Revision": {PERSONAL: "author", PUBLIC: "id content object_key snapshot changed comment created_at"},
    "catalogue.SelfAssessment": {
        PERSONAL: "updated_by",
        PUBLIC: "id organisation entry answers updated_at published_at",
    },
    "guide.GuidePage": {
        PERSONAL: "reviewed_by",
        PUBLIC: "id topic audience title summary body sources last_reviewed position",
    },
    "guide.GlossaryTerm": {PUBLIC: "id slug municipal_term company_term explanation guide_topic search_text"},
    # WHO-5 and GSE answers are well-being and self-efficacy scales, not diagnoses: personal data, aggregated
    # in SQL for the figures. Whether WHO-5 answers are health data (Art. 9) is an open question for the DPO.
    "outcomes.Response": {
        PERSONAL: "young_person instrument version language mode respondent answers score answered_at",
        PUBLIC: "id organisation",
    },
    "outcomes.Attention": {
        PERSONAL: "young_person response for_user created_at done_at done_by",
        PUBLIC: "id organisation",
    },
    "outcomes.Target": {PERSONAL: "set_by", PUBLIC: "id organisation year key value set_at"},
    "outcomes.OpenDataRelease": {
        PERSONAL: "published_by",
        PUBLIC: "id organisation year schema_version rows published_at withdrawn_at",
    },
    "outcomes.OwnInstrument": {
        PERSONAL: "created_by",
        PUBLIC: "id organisation key version title intro items options scoring max_missing respondent licence "
        "created_at",
    },
    "certificates.IssuerKey": {
        PUBLIC: "id organisation key_id public_key encrypted_private_key created_at retired_at",
    },
    "certificates.StatusList": {PUBLIC: "id organisation bits allocated credential updated_at"},
    "certificates.Certificate": {
        PERSONAL: "activity young_person state language title tasks skills occupation mentor_statement hours starts_on "
        "ends_on written_by updated_at signed_by signed_name signed_at changes_asked issued_at credential "
        "revoked_at revoked_by revoked_reason",
        PUBLIC: "id organisation public_id status_index",
    },
    "matching.MatchProfile": {
        PERSONAL: "young_person interests accepted_distance postcode travel_mode max_travel_minutes hours_min "
        "hours_max size pace social setting updated_at",
        PUBLIC: "id organisation",
    },
    "matching.MatchWeights": {
        PERSONAL: "updated_by",
        PUBLIC: "id organisation occupation interests dream_distance environment hours commute record readiness "
        "updated_at",
    },
    "matching.Round": {
        PERSONAL: "created_by finished_by",
        PUBLIC: "id organisation title choose_by state created_at changed_at computed_at finished_at",
    },
    "matching.RoundOffer": {PUBLIC: "id organisation round offer places"},
    "matching.RoundSeat": {
        PERSONAL: "round young_person note_to_companies joined_at left_at result unmatched_reason",
        PUBLIC: "id organisation",
    },
    "matching.YoungPersonChoice": {PERSONAL: "seat round_offer rank", PUBLIC: "id organisation"},
    "matching.CompanyChoice": {PERSONAL: "round_offer seat rank", PUBLIC: "id organisation"},
    "api.AccessToken": {
        PERSONAL: "user name created_at last_used_at revoked_at",
        PUBLIC: "id organisation prefix digest",
    },
    "exchange.ImportBatch": {
        PERSONAL: "file_name content created_by created_at refusal errors preview summary",
        PUBLIC: "id organisation kind file_format digest state rows_total error_count skip_bad_rows finished_at",
    },
    "attachments.Attachment": {
        PERSONAL: "young_person original_name size description uploaded_by uploaded_at kind",
        PUBLIC: "id organisation stored_name sha256",
    },
    "audit.AccessLog": {
        PERSONAL: "at user role action subject object_kind object_id criterion purpose purpose_text",
        PUBLIC: "id organisation",
    },
    "audit.RetentionGrant": {PUBLIC: "id granted_at"},
}

CLASSIFICATION = {
    label: {name: cls for cls, names in classes.items() for name in names.split()} for label, classes in _FIELDS.items()
}


def classify(model, field_name):
    return CLASSIFICATION.get(model._meta.label, {}).get(field_name)
