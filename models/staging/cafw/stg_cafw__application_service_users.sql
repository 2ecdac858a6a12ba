with

source_rows as (

    select * from {{ source('cafw', 'applicationserviceusers') }}

),

renamed as (

    select
        cast(connectionid_pe as bigint) as service_user_row_id,
        cast(record1id_pe as bigint) as application_id,
        cast(record2id_pe as bigint) as person_id,
        {{ clean_text('record2roleidname', 50) }} as role_name,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

),

decoded as (

    select
        service_user_row_id,
        application_id,
        person_id,
        role_name,
        -- Labels compared case-insensitively (public code uses both 'Subject' and UPPER(...) = 'SUBJECT').
        cast(
            case
                when upper(role_name) = 'SUBJECT' then 'Subject'
                when upper(role_name) = 'RESPONDENT' then 'Respondent'
                when upper(role_name) = 'APPLICANT' then 'Applicant'
                when role_name is null then 'Missing'
                else 'Other'
            end as varchar(10)
        ) as role_on_application,
        avail_from_date
    from renamed

)

select * from decoded
