package org.incidentmap.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that changes data, or manages access: it needs a user with {@link #value()}, or with the role
 * the collection it writes to asks for (regions: admin), whichever is higher.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface WriteAccess {

    Role value() default Role.EDITOR;
}
