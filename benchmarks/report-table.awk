# Turns benchmark reports into markdown for RESULTS.md. Portable awk (mawk, gawk). Set -v part=...:
#   bdn      one BenchmarkDotNet CSV report (quoted fields, thousands separators) -> a markdown table, a row per
#            benchmark: Method | [Params...] | Mean | Median | StdDev | Ratio | RatioSD | Allocated ("–" for
#            columns the report lacks, as the Dry job's does)
#   paired   the CSV of `Codec.Benchmarks --paired` -> a row per benchmark
#   verdict  the paired CSV, then the BenchmarkDotNet CSV of Ipv4HeaderRead -> whether each Generated* reader is
#            within 1.2x of the hand-written one with 0 B allocated, by both measurements (-v mode=dry: not judged)

function split_csv(line,    n, i, c, field, quoted) {
    n = 0; field = ""; quoted = 0
    for (i = 1; i <= length(line); i++) {
        c = substr(line, i, 1)
        if (quoted) {
            if (c == "\"") {
                if (substr(line, i + 1, 1) == "\"") { field = field "\""; i++ } else { quoted = 0 }
            } else {
                field = field c
            }
        } else if (c == "\"") {
            quoted = 1
        } else if (c == ",") {
            cell[++n] = field; field = ""
        } else {
            field = field c
        }
    }
    cell[++n] = field
    return n
}

function value(name) { return (name in column) ? cell[column[name]] : "–" }
function number(text) { gsub(/,/, "", text); sub(/ .*/, "", text); return text + 0 }
function is_number(text) { gsub(/,/, "", text); sub(/ .*/, "", text); return text ~ /^[0-9]+(\.[0-9]+)?$/ }
function allocated_none(text) { return text == "-" || text == "0 B" || text == "0" }

{ sub(/\r$/, "") }

FNR == 1 {
    file++
    for (key in column) delete column[key]
    n = split_csv($0)
    for (i = 1; i <= n; i++) column[cell[i]] = i
    if (part == "bdn") {
        # [Params] columns sit between the job's characteristics (WarmupCount is the last) and the statistics.
        first_param = ("WarmupCount" in column) ? column["WarmupCount"] + 1 : column["Mean"]
        params = ""; rule = ""
        for (i = first_param; i < column["Mean"]; i++) { params = params " " cell[i] " |"; rule = rule "---:|" }
        print "| Method |" params " Mean | Median | StdDev | Ratio | RatioSD | Allocated |"
        print "|---|" rule "---:|---:|---:|---:|---:|---:|"
    }
    next
}

{ split_csv($0) }

part == "bdn" {
    alloc = value("Allocated")
    if (allocated_none(alloc)) alloc = "0 B"
    row = "| " value("Method") " |"
    for (i = first_param; i < column["Mean"]; i++) row = row " " cell[i] " |"
    printf "%s %s | %s | %s | %s | %s | %s |\n", row, value("Mean"), value("Median"), value("StdDev"), value("Ratio"), value("RatioSD"), alloc
    next
}

part == "paired" {
    printf "| %s | %s | %.3f ns | %.2f | %.2f – %.2f |\n", value("Class"), value("Method"), value("MedianNs"), value("RatioMedian"), value("RatioP25"), value("RatioP75")
    next
}

part == "verdict" && file == 1 {
    if (value("Class") == "Ipv4HeaderRead") {
        paired[value("Method")] = sprintf("%.2f", value("RatioMedian"))
        paired_iqr[value("Method")] = sprintf("%.2f – %.2f", value("RatioP25"), value("RatioP75"))
    }
    next
}

part == "verdict" && file == 2 {
    method = value("Method")
    if (method !~ /^Generated/) next
    checked++
    ratio = value("Ratio"); ratio_sd = value("RatioSD"); alloc = value("Allocated")
    if (allocated_none(alloc)) alloc = "0 B"
    p = (method in paired) ? paired[method] : "–"
    bdn_ok = is_number(ratio) && number(ratio) <= 1.2
    paired_ok = is_number(p) && number(p) <= 1.2
    if (mode == "dry") {
        outcome = "not judged (dry run)"
    } else if (alloc != "0 B" || (!bdn_ok && !paired_ok)) {
        outcome = "**misses the target**"; missed++
    } else if (bdn_ok && paired_ok) {
        outcome = "within the target"
    } else {
        outcome = "**inconclusive** (the two measurements disagree)"; unsure++
    }
    printf "- %s: %s× by BenchmarkDotNet (RatioSD %s), %s× by the paired check (quartiles %s); %s allocated: %s.\n", method, ratio, ratio_sd, p, (method in paired_iqr) ? paired_iqr[method] : "–", alloc, outcome
}

END {
    if (part != "verdict") exit
    if (checked == 0) { print "- No Generated* benchmark in the report."; exit }
    print ""
    if (mode == "dry") {
        print "Dry run: single cold invocations, so these ratios say nothing about the target; only that everything runs."
    } else if (missed) {
        print "**The target does not hold** on this run: generated readers that miss it: " missed " of " checked (unsure ? "; inconclusive: " unsure "." : ".")
    } else if (unsure) {
        print "**Not established** on this run: generated readers that are inconclusive: " unsure " of " checked "."
    } else {
        print "**The target holds** on this run: every generated reader is within 1.2× of the hand-written one by both measurements and allocates nothing."
    }
}
