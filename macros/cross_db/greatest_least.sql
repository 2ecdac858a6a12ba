{#- Null-ignoring GREATEST / LEAST over two or more expressions: NULL only when every argument is NULL.
    DuckDB's greatest/least already ignore NULLs; DB2's return NULL as soon as one argument is NULL,
    so on DB2 each argument is coalesced with the others first.
    Call with a list or with separate arguments: greatest_ignore_nulls(['a', 'b']) or
    greatest_ignore_nulls('a', 'b'). The arguments must have compatible types. -#}

{% macro ignore_nulls_expressions(args) -%}
    {%- if args | length == 1 and args[0] is not string -%}
        {%- set exprs = args[0] | list -%}
    {%- else -%}
        {%- set exprs = args | list -%}
    {%- endif -%}
    {%- if exprs | length < 2 -%}
        {{ exceptions.raise_compiler_error("greatest/least_ignore_nulls needs at least two expressions, got " ~ exprs) }}
    {%- endif -%}
    {{ return(exprs) }}
{%- endmacro %}

{#- coalesce(e_i, the others in order), for every i: DB2's null-safe argument list. -#}
{% macro ignore_nulls_coalesced(exprs) -%}
    {%- for expr in exprs -%}
        {%- set position = loop.index0 -%}
        {%- set others = [] -%}
        {%- for other in exprs -%}
            {%- if loop.index0 != position -%}{%- do others.append(other) -%}{%- endif -%}
        {%- endfor -%}
        coalesce({{ expr }}, {{ others | join(', ') }}){{ ', ' if not loop.last }}
    {%- endfor -%}
{%- endmacro %}


{% macro greatest_ignore_nulls() -%}
    {{ return(adapter.dispatch('greatest_ignore_nulls', 'cafcass')(cafcass.ignore_nulls_expressions(varargs))) }}
{%- endmacro %}

{% macro default__greatest_ignore_nulls(exprs) -%}
    greatest({{ exprs | join(', ') }})
{%- endmacro %}

{% macro db2__greatest_ignore_nulls(exprs) -%}
    greatest({{ cafcass.ignore_nulls_coalesced(exprs) }})
{%- endmacro %}

{% macro ibmdb2__greatest_ignore_nulls(exprs) -%}
    {{ cafcass.db2__greatest_ignore_nulls(exprs) }}
{%- endmacro %}


{% macro least_ignore_nulls() -%}
    {{ return(adapter.dispatch('least_ignore_nulls', 'cafcass')(cafcass.ignore_nulls_expressions(varargs))) }}
{%- endmacro %}

{% macro default__least_ignore_nulls(exprs) -%}
    least({{ exprs | join(', ') }})
{%- endmacro %}

{% macro db2__least_ignore_nulls(exprs) -%}
    least({{ cafcass.ignore_nulls_coalesced(exprs) }})
{%- endmacro %}

{% macro ibmdb2__least_ignore_nulls(exprs) -%}
    {{ cafcass.db2__least_ignore_nulls(exprs) }}
{%- endmacro %}
