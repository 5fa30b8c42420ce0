package dev.covet.migrations.jpa.shop;

public enum OrderStatus { NEW, PAID, SHIPPED }
