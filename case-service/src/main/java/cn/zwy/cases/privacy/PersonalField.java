package cn.zwy.cases.privacy;

/** The personal data fields of a case whose full value is only shown through {@link AuditedRead}. */
public enum PersonalField {
    /** 居民身份证号码 of an individual applicant (or of the agent, 代办人). */
    APPLICANT_ID_NUMBER,
    /** The applicant's contact phone. */
    APPLICANT_PHONE,
    /** The agent's ID number (帮办代办, C14). */
    AGENT_ID_NUMBER,
    /** The agent's phone. */
    AGENT_PHONE
}
