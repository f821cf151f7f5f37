package cn.zwy.cases.api;

/** Why a remote agency (异地代办, C13) ends before the case is done: the rulebook's five, no others. */
public enum AgencyEndReason {
    /** 申请材料内容不实 */
    FALSE_MATERIALS,
    /** 不符合法定条件、标准且不能补正 */
    UNCORRECTABLE_MATERIALS,
    /** 未能及时缴纳应缴纳的行政事业性收费 */
    UNPAID_FEES,
    /** 申请人暂停或撤销委托 */
    APPLICANT_WITHDREW,
    /** 政策性调整或其他不可抗力 */
    POLICY_CHANGE
}
