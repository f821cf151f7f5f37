package cn.zwy.cases.api;

/** Who applies: a person (居民身份证) or an enterprise (统一社会信用代码). */
public enum ApplicantKind { INDIVIDUAL, ENTERPRISE }
