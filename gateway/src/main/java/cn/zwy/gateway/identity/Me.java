package cn.zwy.gateway.identity;

import java.util.List;

public record Me(String realm, String userId, String username, String displayName, List<String> roles,
                 String tenantCode, String siteCode) {}
