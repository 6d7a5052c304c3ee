package org.exotrace.qc.entity;

/** An assay result that cannot be judged as given; names the reason word and the offending field. */
public class QcRuleViolation extends RuntimeException {

    private final String code;
    private final String field;

    public QcRuleViolation(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
