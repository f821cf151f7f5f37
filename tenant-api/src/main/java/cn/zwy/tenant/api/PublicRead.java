package cn.zwy.tenant.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A GET anyone may call without a token (public hall data, the region tree, published guides).
 * tenant-service opens exactly the paths of the methods so marked ({@link PublicReads}); there
 * is no second list to keep in step.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PublicRead {}
