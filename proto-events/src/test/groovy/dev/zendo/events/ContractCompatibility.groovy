package dev.zendo.events

/** Compares two contract snapshots and names every change that would break an existing producer or consumer. */
class ContractCompatibility {

    static List<String> violations(List<String> baseline, List<String> current) {
        Set<String> currentLines = current as Set
        Map<String, Map<Integer, List<String>>> currentFields = fieldsByNumber(current)
        Map<String, Map<Integer, List<String>>> currentValues = valuesByNumber(current)
        List<String> found = []
        baseline.each { String line ->
            List<String> parts = line.split(' ') as List
            switch (parts[0]) {
                case 'message':
                case 'enum':
                    if (!currentLines.contains(line)) {
                        found << "${parts[0]} ${parts[1]} was removed"
                    }
                    break
                case 'field':
                    if (currentLines.contains("message ${parts[1]}".toString())) {
                        checkField(parts, currentFields, found)
                    }
                    break
                case 'value':
                    checkValue(parts, currentValues, found)
                    break
            }
        }
        found*.toString()
    }

    private static void checkField(List<String> parts, Map<String, Map<Integer, List<String>>> current, List<String> found) {
        String message = parts[1], name = parts[3], type = parts[4], label = parts[5]
        int number = parts[2] as int
        Map<Integer, List<String>> fields = current[message] ?: [:]
        List<String> now = fields[number]
        if (now == null) {
            Integer moved = fields.find { it.value[0] == name }?.key
            found << (moved == null ? "field ${message}.${name} (${number}) was removed"
                    : "field ${message}.${name} was renumbered from ${number} to ${moved}")
        } else if (now[0] != name) {
            found << "field ${message} ${number} was renamed from ${name} to ${now[0]}"
        } else if (now[1] != type || now[2] != label) {
            found << "field ${message}.${name} (${number}) was retyped from ${label} ${type} to ${now[2]} ${now[1]}"
        }
    }

    private static void checkValue(List<String> parts, Map<String, Map<Integer, List<String>>> current, List<String> found) {
        String enumName = parts[1], name = parts[3]
        int number = parts[2] as int
        List<String> now = (current[enumName] ?: [:])[number]
        if (now == null) {
            found << "enum value ${enumName}.${name} (${number}) was removed or renumbered"
        } else if (now[0] != name) {
            found << "enum value ${enumName} ${number} was renamed from ${name} to ${now[0]}"
        }
    }

    private static Map<String, Map<Integer, List<String>>> fieldsByNumber(List<String> lines) {
        index(lines, 'field') { List<String> p -> [p[3], p[4], p[5]] }
    }

    private static Map<String, Map<Integer, List<String>>> valuesByNumber(List<String> lines) {
        index(lines, 'value') { List<String> p -> [p[3]] }
    }

    private static Map<String, Map<Integer, List<String>>> index(List<String> lines, String kind, Closure<List<String>> rest) {
        Map<String, Map<Integer, List<String>>> byOwner = [:].withDefault { [:] }
        lines.findAll { it.startsWith(kind + ' ') }.each { String line ->
            List<String> p = line.split(' ') as List
            byOwner[p[1]][p[2] as int] = rest(p)
        }
        byOwner
    }
}
