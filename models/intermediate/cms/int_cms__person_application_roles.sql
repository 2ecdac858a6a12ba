-- One row per person on a CMS application (grain: application_id x person_id) with the role resolved.
-- Replaces 03application_members_cms steps 1-3 (seed-pipeline §2C.3), whose code does not run (§5.3):
-- member type 16 (a record converted from the legacy system) takes its role from CONVERTEDTYPE
-- ('Adult Applicant' -> 1, 'Adult Respondent' -> 2, 'Adult' -> 8); 4 is the subject, 2 a respondent, 1 an
-- applicant, 8 (unknown) is 'Unclear' as the Stata labels it. Two or more different resolved types on one
-- application give 'Unclear' with has_multiple_roles = 1 (the Stata intent: "the same person appears twice");
-- a 16 without a known CONVERTEDTYPE is 'Missing'.

with

member_rows as (

    select
        application_id,
        person_id,
        member_type,
        converted_type,
        is_party,
        case
            when member_type = 16
                then
                    case lower(converted_type)
                        when 'adult applicant' then 1
                        when 'adult respondent' then 2
                        when 'adult' then 8
                    end
            else member_type
        end as resolved_member_type
    from {{ ref('stg_cms__application_members') }}
    where
        application_id is not null
        and person_id is not null

),

flagged as (

    select
        application_id,
        person_id,
        max(case when resolved_member_type = 4 then 1 else 0 end) as is_subject,
        max(case when resolved_member_type = 2 then 1 else 0 end) as is_respondent,
        max(case when resolved_member_type = 1 then 1 else 0 end) as is_applicant,
        max(case when resolved_member_type = 8 then 1 else 0 end) as is_unknown_member,
        max(case when member_type = 16 then 1 else 0 end) as has_converted_row,
        -- 1 if any row records the person as a party, 0 if rows record only 0, NULL if none records it.
        max(is_party) as is_party,
        count(distinct resolved_member_type) as n_member_types,
        count(*) as n_member_rows
    from member_rows
    group by
        application_id,
        person_id

),

final as (

    select
        application_id,
        person_id,
        cast(
            case
                when n_member_types > 1 then 'Unclear'
                when is_subject = 1 then 'Subject'
                when is_respondent = 1 then 'Respondent'
                when is_applicant = 1 then 'Applicant'
                when is_unknown_member = 1 then 'Unclear'
                else 'Missing'
            end
            as varchar(10)
        ) as role_on_application,
        cast(is_subject as smallint) as is_subject,
        cast(is_respondent as smallint) as is_respondent,
        cast(is_applicant as smallint) as is_applicant,
        cast(is_party as smallint) as is_party,
        cast(case when n_member_types > 1 then 1 else 0 end as smallint) as has_multiple_roles,
        cast(has_converted_row as smallint) as has_converted_member_type,
        cast(n_member_rows as integer) as n_member_rows
    from flagged

)

select * from final
