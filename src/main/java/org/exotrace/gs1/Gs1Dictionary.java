package org.exotrace.gs1;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every Application Identifier of the GS1 syntax dictionary with its format: components (N digits, X character set
 * 82, Y set 39, Z set 64; "[..]" optional), the linters that check each component, the AIs it requires ("req", one of
 * a list; "A+B" both) or excludes ("ex", "n" a digit wildcard), and its GS1 Digital Link key-qualifier paths.
 *
 * <p>Data from the GS1 Barcode Syntax Dictionary (github.com/gs1/gs1-syntax-dictionary, Apache-2.0, GS1 AISBL),
 * one line per AI or range; "*" marks a predefined length (no separator after it). AI (8030) requires a
 * serialised key as GS1 General Specifications 3.11 say (a GTIN with its serial, an ITIP with its serial, a CPID
 * with its serial).
 */
final class Gs1Dictionary {

    /** A component of an AI's value. */
    record Component(char type, int min, int max, boolean optional, List<String> linters) {
    }

    /** One AI: {@code fixedLength} means no separator follows it in element strings. */
    record Entry(String ai, boolean fixedLength, List<Component> components, List<List<String>> requires,
                 List<String> excludes, List<List<String>> dlQualifierPaths, String title, int minLength, int maxLength) {

        Entry(String ai, boolean fixedLength, List<Component> components, List<List<String>> requires,
              List<String> excludes, List<List<String>> dlQualifierPaths, String title) {
            this(ai, fixedLength, components, requires, excludes, dlQualifierPaths, title,
                    components.stream().filter(c -> !c.optional()).mapToInt(Component::min).sum(),
                    components.stream().mapToInt(Component::max).sum());
        }

        boolean isDlPrimaryKey() {
            return !dlQualifierPaths.isEmpty();
        }

        /** E.g. "lot (10)" for the AIs a vial carries, else "AI (240) ADDITIONAL ID". */
        String label() {
            return switch (ai) {
                case "01" -> "GTIN (01)";
                case "10" -> "lot (10)";
                case "11" -> "production date (11)";
                case "17" -> "expiry date (17)";
                case "21" -> "serial (21)";
                default -> "AI (" + ai + ") " + title;
            };
        }
    }

    private static final String TABLE = """
            00 * N18,csum,key dlpkey # SSCC
            01 * N14,csum,key ex=02,255,37 dlpkey=22,10,21|235 # GTIN
            02 * N14,csum,key req=37 # CONTENT
            10 X..20 req=01,02,8006,8026 # BATCH/LOT
            11 * N6,yymmd0 req=01,02,8006,8026 # PROD DATE
            12 * N6,yymmd0 req=8020 # DUE DATE
            13 * N6,yymmd0 req=01,02,8006,8026 # PACK DATE
            15 * N6,yymmd0 req=01,02,8006,8026 # BEST BEFORE or BEST BY
            16 * N6,yymmd0 req=01,02,8006,8026 # SELL BY
            17 * N6,yymmd0 req=01,02,255,8006,8026 # USE BY or EXPIRY
            20 * N2 req=01,02,8006,8026 # VARIANT
            21 X..20 req=01,8006 ex=235 # SERIAL
            22 X..20 req=01 # CPV
            235 X..28 req=01 # TPX
            240 X..30 req=01,02,8006,8026 # ADDITIONAL ID
            241 X..30 req=01,02,8006,8026 # CUST. PART No.
            242 N..6 req=01,02,8006,8026 # MTO VARIANT
            243 X..20 req=01 # PCN
            250 X..30 req=01,8006 req=21 # SECONDARY SERIAL
            251 X..30 req=01,8006 # REF. TO SOURCE
            253 N13,csum,key [X..17] dlpkey # GDTI
            254 X..20 req=414 # GLN EXTENSION COMPONENT
            255 N13,csum,key [N..12] dlpkey ex=01,02,415,8006,8020,8026 # GCN
            30 N..8 req=01,02 # VAR. COUNT
            3100-3105 * N6 req=01,02 ex=310n # NET WEIGHT (kg)
            3110-3115 * N6 req=01,02 ex=311n # LENGTH (m)
            3120-3125 * N6 req=01,02 ex=312n # WIDTH (m)
            3130-3135 * N6 req=01,02 ex=313n # HEIGHT (m)
            3140-3145 * N6 req=01,02 ex=314n # AREA (m2)
            3150-3155 * N6 req=01,02 ex=315n # NET VOLUME (l)
            3160-3165 * N6 req=01,02 ex=316n # NET VOLUME (m3)
            3200-3205 * N6 req=01,02 ex=320n # NET WEIGHT (lb)
            3210-3215 * N6 req=01,02 ex=321n # LENGTH (in)
            3220-3225 * N6 req=01,02 ex=322n # LENGTH (ft)
            3230-3235 * N6 req=01,02 ex=323n # LENGTH (yd)
            3240-3245 * N6 req=01,02 ex=324n # WIDTH (in)
            3250-3255 * N6 req=01,02 ex=325n # WIDTH (ft)
            3260-3265 * N6 req=01,02 ex=326n # WIDTH (yd)
            3270-3275 * N6 req=01,02 ex=327n # HEIGHT (in)
            3280-3285 * N6 req=01,02 ex=328n # HEIGHT (ft)
            3290-3295 * N6 req=01,02 ex=329n # HEIGHT (yd)
            3300-3305 * N6 req=00,01 ex=330n # GROSS WEIGHT (kg)
            3310-3315 * N6 req=00,01 ex=331n # LENGTH (m), log
            3320-3325 * N6 req=00,01 ex=332n # WIDTH (m), log
            3330-3335 * N6 req=00,01 ex=333n # HEIGHT (m), log
            3340-3345 * N6 req=00,01 ex=334n # AREA (m2), log
            3350-3355 * N6 req=00,01 ex=335n # VOLUME (l), log
            3360-3365 * N6 req=00,01 ex=336n # VOLUME (m3), log
            3370-3375 * N6 req=01 ex=337n # KG PER m2
            3400-3405 * N6 req=00,01 ex=340n # GROSS WEIGHT (lb)
            3410-3415 * N6 req=00,01 ex=341n # LENGTH (in), log
            3420-3425 * N6 req=00,01 ex=342n # LENGTH (ft), log
            3430-3435 * N6 req=00,01 ex=343n # LENGTH (yd), log
            3440-3445 * N6 req=00,01 ex=344n # WIDTH (in), log
            3450-3455 * N6 req=00,01 ex=345n # WIDTH (ft), log
            3460-3465 * N6 req=00,01 ex=346n # WIDTH (yd), log
            3470-3475 * N6 req=00,01 ex=347n # HEIGHT (in), log
            3480-3485 * N6 req=00,01 ex=348n # HEIGHT (ft), log
            3490-3495 * N6 req=00,01 ex=349n # HEIGHT (yd), log
            3500-3505 * N6 req=01,02 ex=350n # AREA (in2)
            3510-3515 * N6 req=01,02 ex=351n # AREA (ft2)
            3520-3525 * N6 req=01,02 ex=352n # AREA (yd2)
            3530-3535 * N6 req=00,01 ex=353n # AREA (in2), log
            3540-3545 * N6 req=00,01 ex=354n # AREA (ft2), log
            3550-3555 * N6 req=00,01 ex=355n # AREA (yd2), log
            3560-3565 * N6 req=01,02 ex=356n # NET WEIGHT (t oz)
            3570-3575 * N6 req=01,02 ex=357n # NET VOLUME (oz)
            3600-3605 * N6 req=01,02 ex=360n # NET VOLUME (qt)
            3610-3615 * N6 req=01,02 ex=361n # NET VOLUME (gal.)
            3620-3625 * N6 req=00,01 ex=362n # VOLUME (qt), log
            3630-3635 * N6 req=00,01 ex=363n # VOLUME (gal.), log
            3640-3645 * N6 req=01,02 ex=364n # VOLUME (in3)
            3650-3655 * N6 req=01,02 ex=365n # VOLUME (ft3)
            3660-3665 * N6 req=01,02 ex=366n # VOLUME (yd3)
            3670-3675 * N6 req=00,01 ex=367n # VOLUME (in3), log
            3680-3685 * N6 req=00,01 ex=368n # VOLUME (ft3), log
            3690-3695 * N6 req=00,01 ex=369n # VOLUME (yd3), log
            37 N..8 req=00 req=02,8026 # COUNT
            3900-3909 N..15 req=255,8020 ex=390n,391n,394n,8111 # AMOUNT
            3910-3919 N3,iso4217 N..15 req=8020 ex=391n # AMOUNT
            3920-3929 N..15 req=01 req=30,31nn,32nn,35nn,36nn ex=392n,393n # PRICE
            3930-3939 N3,iso4217 N..15 req=30,31nn,32nn,35nn,36nn ex=393n # PRICE
            3940-3943 N4 req=255 ex=394n,8111 # PRCNT OFF
            3950-3955 N6 req=30,31nn,32nn,35nn,36nn ex=392n,393n,395n,8005 # PRICE/UoM
            400 X..30 # ORDER NUMBER
            401 X..30,key dlpkey # GINC
            402 N17,csum,key dlpkey # GSIN
            403 X..30 req=00 # ROUTE
            410 * N13,csum,key # SHIP TO LOC
            411 * N13,csum,key # BILL TO
            412 * N13,csum,key # PURCHASE FROM
            413 * N13,csum,key # SHIP FOR LOC
            414 * N13,csum,key dlpkey=254|7040 # LOC No.
            415 * N13,csum,key req=8020 dlpkey=8020 # PAY TO
            416 * N13,csum,key # PROD/SERV LOC
            417 * N13,csum,key dlpkey=7040 # PARTY
            420 X..20 ex=421 # SHIP TO POST
            421 N3,iso3166 X..9 ex=4307 # SHIP TO POST
            422 N3,iso3166 req=01,02,8006,8026 ex=426 # ORIGIN
            423 N..15,iso3166list req=01,02 ex=426 # COUNTRY - INITIAL PROCESS
            424 N3,iso3166 req=01,02 ex=426 # COUNTRY - PROCESS
            425 N..15,iso3166list req=01,02 ex=426 # COUNTRY - DISASSEMBLY
            426 N3,iso3166 req=01,02 # COUNTRY - FULL PROCESS
            427 X..3 req=01,02 req=422 # ORIGIN SUBDIVISION
            4300 X..35,pcenc req=00 # SHIP TO COMP
            4301 X..35,pcenc req=00 # SHIP TO NAME
            4302 X..70,pcenc req=00 # SHIP TO ADD1
            4303 X..70,pcenc req=4302 # SHIP TO ADD2
            4304 X..70,pcenc req=00 # SHIP TO SUB
            4305 X..70,pcenc req=00 # SHIP TO LOC
            4306 X..70,pcenc req=00 # SHIP TO REG
            4307 X2,iso3166alpha2 req=00 # SHIP TO COUNTRY
            4308 X..30 req=00 # SHIP TO PHONE
            4309 N10,latitude N10,longitude req=00 # SHIP TO GEO
            4310 X..35,pcenc req=00 # RTN TO COMP
            4311 X..35,pcenc req=00 # RTN TO NAME
            4312 X..70,pcenc req=00 # RTN TO ADD1
            4313 X..70,pcenc req=4312 # RTN TO ADD2
            4314 X..70,pcenc req=00 # RTN TO SUB
            4315 X..70,pcenc req=00 # RTN TO LOC
            4316 X..70,pcenc req=00 # RTN TO REG
            4317 X2,iso3166alpha2 req=00 # RTN TO COUNTRY
            4318 X..20 req=00 # RTN TO POST
            4319 X..30 req=00 # RTN TO PHONE
            4320 X..35,pcenc req=00 # SRV DESCRIPTION
            4321 N1,yesno req=00 # DANGEROUS GOODS
            4322 N1,yesno req=00 # AUTH TO LEAVE
            4323 N1,yesno req=00 # SIG REQUIRED
            4324 N6,yymmd0 N4,hhmm req=00 # NOT BEF DEL DT
            4325 N6,yymmd0 N4,hhmm req=00 # NOT AFT DEL DT
            4326 N6,yymmdd req=00 # REL DATE
            4330 N6 [X1],hyphen req=00 ex=4331 # MAX TEMP F.
            4331 N6 [X1],hyphen req=00 ex=4330 # MAX TEMP C.
            4332 N6 [X1],hyphen req=00 ex=4333 # MIN TEMP F.
            4333 N6 [X1],hyphen req=00 ex=4332 # MIN TEMP C.
            7001 N13 req=01,02,8006,8026 # NSN
            7002 X..30 req=01,02 # MEAT CUT
            7003 N6,yymmdd N4,hhmm req=01,02 # EXPIRY TIME
            7004 N..4 req=01 req=10 # ACTIVE POTENCY
            7005 X..12 req=01,02 # CATCH AREA
            7006 N6,yymmdd req=01,02 # FIRST FREEZE DATE
            7007 N6,yymmdd [N6],yymmdd req=01,02 # HARVEST DATE
            7008 X..3 req=01,02 # AQUATIC SPECIES
            7009 X..10 req=01,02 # FISHING GEAR TYPE
            7010 X..2 req=01,02 # PROD METHOD
            7011 N6,yymmdd [N4],hhmm req=01,02 # TEST BY DATE
            7020 X..20 req=01,8006 req=416 # REFURB LOT
            7021 X..20 req=01,8006 # FUNC STAT
            7022 X..20 req=7021 # REV STAT
            7023 X..30,key # GIAI - ASSEMBLY
            7030-7039 N3,iso3166999 X..27 req=01,02 # PROCESSOR # n
            7040 N1 X1 X1 X1,importeridx # UIC+EXT
            710 X..20 req=01 # NHRN PZN
            711 X..20 req=01 # NHRN CIP
            712 X..20 req=01 # NHRN CN
            713 X..20 req=01 # NHRN DRN
            714 X..20 req=01 # NHRN AIM
            715 X..20 req=01 # NHRN NDC
            7230-7239 X2 X..28 req=01,8004 # CERT # n
            7240 X..20 req=01,8006 # PROTOCOL
            7241 N2,mediatype req=8017,8018 # AIDC MEDIA TYPE
            7242 X..25 req=8017,8018 # VCN
            8001 N4,nonzero N5,nonzero N3,nonzero N1,winding N1 req=01 # DIMENSIONS
            8002 X..20 # CMT No.
            8003 N1,zero N13,csum,key [X..16] dlpkey # GRAI
            8004 X..30,key dlpkey=7040 # GIAI
            8005 N6 req=01,02 # PRICE PER UNIT
            8006 N14,csum N4,pieceoftotal ex=01,37 dlpkey=22,10,21 # ITIP
            8007 X..34,iban req=415 # IBAN
            8008 N8,yymmddhh [N..4],mmoptss req=01,02 # PROD TIME
            8009 X..50 req=00,01 # OPTSEN
            8010 Y..30,key dlpkey=8011 # CPID
            8011 N..12,nozeroprefix req=8010 # CPID SERIAL
            8012 X..20 req=01,8006 # VERSION
            8013 X..25,csumalpha,key dlpkey # GMN
            8017 N18,csum,key ex=8018 dlpkey=8019 # GSRN - PROVIDER
            8018 N18,csum,key ex=8017 dlpkey=8019 # GSRN - RECIPIENT
            8019 N..10 req=8017,8018 # SRIN
            8020 X..25 req=415 # REF No.
            8026 N14,csum N4,pieceoftotal req=37 ex=02,8006 # ITIP CONTENT
            8030 Z..90 req=00,01+21,253,255,8003,8004,8006+21,8010+8011,8017,8018 # DIGSIG
            8110 X..70,couponcode # COUPON
            8111 N4 req=255 # POINTS
            8112 X..70,couponposoffer # COUPON POS OFFER
            8200 X..70 req=01 # PRODUCT URL
            90 X..30 # INTERNAL
            91-99 X..90 # INTERNAL
            """;

    private static final Map<String, Entry> BY_AI = load();

    private Gs1Dictionary() {
    }

    /** The entry of exactly this AI, or null. */
    static Entry lookup(String ai) {
        return BY_AI.get(ai);
    }

    /** The entry whose AI starts {@code data} at {@code from} (AIs are prefix-free), or null. */
    static Entry atStartOf(String data, int from) {
        for (int length = 2; length <= 4 && from + length <= data.length(); length++) {
            Entry entry = BY_AI.get(data.substring(from, from + length));
            if (entry != null) {
                return entry;
            }
        }
        return null;
    }

    private static Map<String, Entry> load() {
        Map<String, Entry> entries = new TreeMap<>();
        for (String line : TABLE.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int hash = line.indexOf(" # ");
            String title = hash >= 0 ? line.substring(hash + 3).trim() : "";
            String[] tokens = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
            String range = tokens[0];
            boolean fixed = false;
            List<Component> components = new ArrayList<>();
            List<List<String>> requires = new ArrayList<>();
            List<String> excludes = new ArrayList<>();
            List<List<String>> paths = new ArrayList<>();
            for (int i = 1; i < tokens.length; i++) {
                String token = tokens[i];
                if (token.equals("*")) {
                    fixed = true;
                } else if (token.startsWith("req=")) {
                    requires.add(List.of(token.substring(4).split(",")));
                } else if (token.startsWith("ex=")) {
                    excludes.addAll(List.of(token.substring(3).split(",")));
                } else if (token.equals("dlpkey")) {
                    paths.add(List.of());
                } else if (token.startsWith("dlpkey=")) {
                    for (String alternative : token.substring(7).split("\\|")) {
                        paths.add(List.of(alternative.split(",")));
                    }
                } else {
                    components.add(component(token));
                }
            }
            String[] bounds = range.split("-");
            int first = Integer.parseInt(bounds[0]);
            int last = bounds.length > 1 ? Integer.parseInt(bounds[1]) : first;
            for (int code = first; code <= last; code++) {
                String ai = String.format("%0" + bounds[0].length() + "d", code);
                entries.put(ai, new Entry(ai, fixed, List.copyOf(components), List.copyOf(requires),
                        List.copyOf(excludes), List.copyOf(paths), title));
            }
        }
        return Map.copyOf(entries);
    }

    private static Component component(String token) {
        boolean optional = token.startsWith("[");
        String[] parts = token.replace("[", "").replace("]", "").split(",");
        String spec = parts[0];
        char type = spec.charAt(0);
        int min;
        int max;
        if (spec.startsWith("..", 1)) {
            min = 1;
            max = Integer.parseInt(spec.substring(3));
        } else {
            min = Integer.parseInt(spec.substring(1));
            max = min;
        }
        return new Component(type, min, max, optional, List.of(parts).subList(1, parts.length));
    }
}
