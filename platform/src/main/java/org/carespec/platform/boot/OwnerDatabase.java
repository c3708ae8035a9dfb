package org.carespec.platform.boot;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The owner login, used only to migrate the schema at start-up. */
@ConfigurationProperties("carespec.database.owner")
public class OwnerDatabase {

    private String url;
    private String username;
    private String password = "";

    public Connection connect() throws SQLException {
        if (url == null || username == null) {
            throw new DatabaseStartupException("carespec.database.owner.url and .username are not set");
        }
        return DriverManager.getConnection(url, username, password);
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }
}
