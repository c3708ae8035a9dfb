package org.carespec.platform.ui.web;

/** A message for the error summary: the field it is about (its element's id), or null for the whole form. */
public record FieldMessage(String field, String message) {
}
