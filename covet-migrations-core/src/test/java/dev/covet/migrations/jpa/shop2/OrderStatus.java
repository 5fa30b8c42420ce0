package dev.covet.migrations.jpa.shop2;

public enum OrderStatus { NEW, PAID, SHIPPED }
