# Turns benchmark reports into markdown for RESULTS.md. Portable awk (mawk, gawk). Set -v part=...:
#   bdn      one BenchmarkDotNet CSV report (quoted fields, thousands separators) -> a markdown table, a row per
#            benchmark: Method | [Params...] | Mean | Median | StdDev | Ratio | RatioSD | Allocated ("–" for
#            columns the report lacks, as the Dry job's does)
#   paired   the CSV of `Codec.Benchmarks --paired` -> a row per benchmark
#   verdict  the paired CSV, then the BenchmarkDotNet CSV of Ipv4HeaderRead -> whether each Generated* reader is
#            within 1.2x of the hand-written one with 0 B allocated, by both measurements (-v mode=dry: not judged)
#   peers    one BenchmarkDotNet CSV -> for a class with peer libraries (methods named after PacketDotNet, DnsClient,
#            Makaretu, Arsoft), a table: how many times faster the hand-written and each Generated* method is than each
#            peer (peer mean / its mean); nothing for a class without peers
#   targets  [the paired CSV, then] every BenchmarkDotNet CSV (-v mode=dry: not judged) -> issue 6's targets per class
#            (with the paired ratio beside BenchmarkDotNet's when given; if they disagree: inconclusive): each Generated* method
#            within 1.2x of the baseline with 0 B allocated, and at least 15x faster than PacketDotNet, 10x than
#            DnsClient and Makaretu, 30x than ARSoft; "met" or "**missed**" for each

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
function is_peer(method) { return method ~ /PacketDotNet|DnsClient|Makaretu|Arsoft/ }
# The target for a peer: the DNS library when a method combines PacketDotNet with one (the DNS part dominates).
function peer_target(method) {
    if (method ~ /Arsoft/) return 30
    if (method ~ /DnsClient|Makaretu/) return 10
    return 15
}
function class_of(path,    name) { name = path; sub(/.*\//, "", name); sub(/-report[.]csv$/, "", name); sub(/.*[.]/, "", name); return name }

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

# targets: the paired CSV may come first; its per-class ratios are quoted next to BenchmarkDotNet's.
part == "targets" && ("RatioMedian" in column) {
    paired_ratio[value("Class"), value("Method")] = sprintf("%.2f", value("RatioMedian"))
    paired_quartiles[value("Class"), value("Method")] = sprintf("%.2f – %.2f", value("RatioP25"), value("RatioP75"))
    next
}

part == "peers" || part == "targets" {
    if (FNR == 2) { cls = class_of(FILENAME); classes[++class_count] = cls; n_methods[cls] = 0 }
    m = value("Method")
    k = ++n_methods[cls]
    methods[cls, k] = m
    means[cls, k] = value("Mean")
    ratios[cls, k] = value("Ratio")
    allocs[cls, k] = allocated_none(value("Allocated")) ? "0 B" : value("Allocated")
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

function times(peer_mean, mean) {
    if (!is_number(peer_mean) || !is_number(mean) || number(mean) == 0) return "–"
    return sprintf("%.1f×", number(peer_mean) / number(mean))
}

END {
    if (part == "peers") {
        cls = classes[1]; np = 0; header = "| Faster than → |"; rule = "|---|"
        for (k = 1; k <= n_methods[cls]; k++) if (is_peer(methods[cls, k])) { peers[++np] = k; header = header " " methods[cls, k] " |"; rule = rule "---:|" }
        if (np == 0) exit
        print ""
        print "How many times faster than each peer (peer's mean / this mean):"
        print ""
        print header
        print rule
        for (k = 1; k <= n_methods[cls]; k++) {
            if (is_peer(methods[cls, k])) continue
            row = "| " methods[cls, k] " |"
            for (p = 1; p <= np; p++) row = row " " times(means[cls, peers[p]], means[cls, k]) " |"
            print row
        }
        exit
    }
    if (part == "targets") {
        missed = 0; met = 0
        for (c = 1; c <= class_count; c++) {
            cls = classes[c]; has_peer = 0; has_generated = 0
            for (k = 1; k <= n_methods[cls]; k++) { if (is_peer(methods[cls, k])) has_peer = 1; if (methods[cls, k] ~ /^Generated/) has_generated = 1 }
            # Classes without peers count when a generated contestant is measured against a hand-written baseline.
            if (!has_peer && !(has_generated && methods[cls, 1] ~ /^HandWritten/)) continue
            if (!has_generated) {
                line = "- " cls ": no generated contestant;"
                for (k = 1; k <= n_methods[cls]; k++) if (is_peer(methods[cls, k])) line = line " hand-written is " times(means[cls, k], means[cls, 1]) " faster than " methods[cls, k] ";"
                sub(/;$/, ".", line)
                print line
                continue
            }
            for (k = 1; k <= n_methods[cls]; k++) {
                if (methods[cls, k] !~ /^Generated/) continue
                if (mode == "dry") { print "- " cls "." methods[cls, k] ": not judged (dry run)."; continue }
                ok = is_number(ratios[cls, k]) && number(ratios[cls, k]) <= 1.2 && allocs[cls, k] == "0 B"
                pr = ((cls, methods[cls, k]) in paired_ratio) ? paired_ratio[cls, methods[cls, k]] : ""
                verdict = ok ? "met" : "**missed**"
                if (pr != "") {
                    pok = number(pr) <= 1.2 && allocs[cls, k] == "0 B"
                    if (ok != pok) { verdict = "**inconclusive** (the two measurements disagree)"; ok = 0 }
                    pr = ", paired " pr "× (quartiles " paired_quartiles[cls, methods[cls, k]] ")"
                }
                line = "- " cls "." methods[cls, k] ": " ratios[cls, k] "× hand-written" pr ", " allocs[cls, k] " (target ≤ 1.2×, 0 B): " verdict
                if (ok) met++; else missed++
                for (p = 1; p <= n_methods[cls]; p++) {
                    if (!is_peer(methods[cls, p])) continue
                    t = peer_target(methods[cls, p])
                    x = times(means[cls, p], means[cls, k])
                    ok = x != "–" && number(means[cls, p]) / number(means[cls, k]) >= t
                    line = line "; " x " faster than " methods[cls, p] " (target ≥ " t "×): " (ok ? "met" : "**missed**")
                    if (ok) met++; else missed++
                }
                print line "."
            }
        }
        if (mode == "dry") exit
        print ""
        if (missed) print "**" missed " of " (met + missed) " targets missed** on this run; the notes below say why."
        else print "Every target is met on this run."
        exit
    }
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
