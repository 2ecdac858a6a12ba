{#- 1 when an ALF may be used for linkage, else 0 (smallint): ALF present, status in var alf_usable_status_codes
    (default 1, 4, 39) and match score at least var alf_min_match_pct (default 0.9) or NULL (deterministic
    matches carry no score). Doc block has_usable_alf. Portable SQL. -#}
{% macro usable_alf_flag(alf_expr='alf_pe', status_expr='alf_sts_cd', match_expr='alf_mtch_pct') -%}
    cast(
        case
            when
                {{ alf_expr }} is not null
                and {{ status_expr }} in ({{ var('alf_usable_status_codes') | join(', ') }})
                and ({{ match_expr }} is null or {{ match_expr }} >= {{ var('alf_min_match_pct') }})
                then 1
            else 0
        end
        as smallint
    )
{%- endmacro %}
