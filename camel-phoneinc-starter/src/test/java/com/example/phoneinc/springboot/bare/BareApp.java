package com.example.phoneinc.springboot.bare;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Boot application without routes: only what the auto-configuration registers. */
@SpringBootApplication
public class BareApp {}
