package com.example.shop;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Never started by the plugin: its package is where Boot (and the plugin) look for entities. */
@SpringBootApplication
public class ShopApplication {
}
