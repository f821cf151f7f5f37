package cn.zwy.tenant.api.organisation;

/** AB岗 (T6): the post's holder (A) and the trained backup who takes over with the same rights (B). */
public enum WindowPosition { A, B }
