cast(
    case
        when lower(trim(t.flag_text)) in ('true', 't', 'yes', 'y', '1') then 1
        when lower(trim(t.flag_text)) in ('false', 'f', 'no', 'n', '0') then 0
    end
    as smallint
) as text_flag_result
