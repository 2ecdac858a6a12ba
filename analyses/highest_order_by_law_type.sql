-- Child-applications by the highest order made on them (hierarchy seed legal_output_categories) and law
-- type, with each category's share of the law type's child-applications. Counts below var
-- small_number_threshold are suppressed (NULL), and so are shares computed from them.

with

counted as (

    select
        child_applications.law_type,
        categories.hierarchy_rank,
        coalesce(child_applications.highest_order_category, 'no order recorded') as highest_order_category,
        count(*) as n_child_applications
    from {{ ref('child_applications') }} as child_applications
    left join {{ ref('legal_output_categories') }} as categories
        on child_applications.highest_order_category = categories.category
    group by
        child_applications.law_type,
        categories.hierarchy_rank,
        coalesce(child_applications.highest_order_category, 'no order recorded')

),

with_totals as (

    select
        counted.*,
        sum(n_child_applications) over (partition by law_type) as n_law_type_total
    from counted

)

select
    law_type,
    hierarchy_rank,
    highest_order_category,
    {{ suppress_small_number('n_child_applications') }} as n_child_applications,
    case
        when {{ is_small_number_suppressed('n_child_applications') }} = 0
            then cast(100.0 * n_child_applications / n_law_type_total as decimal(5, 1))
    end as percent_of_law_type,
    {{ is_small_number_suppressed('n_child_applications') }} as is_suppressed
from with_totals
order by
    law_type asc,
    hierarchy_rank asc
