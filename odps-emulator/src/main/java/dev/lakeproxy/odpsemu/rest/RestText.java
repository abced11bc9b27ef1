/*
 * Copyright The lakeproxy developers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.lakeproxy.odpsemu.rest;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Text forms shared by the REST resources: XML escaping, dates, partition specs. */
public final class RestText {

    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private RestText() {}

    /** {@code ds='a',hr=1} or {@code ds=a/hr=1} to an ordered map without quotes. */
    public static Map<String, String> parseSpec(String text) {
        Map<String, String> spec = new LinkedHashMap<>();
        for (String kv : text.split("[,/]")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                spec.put(
                        kv.substring(0, eq).trim().toLowerCase(Locale.ROOT),
                        kv.substring(eq + 1).trim().replaceAll("^['\"]|['\"]$", ""));
            }
        }
        return spec;
    }

    /** A request body as XML, without DOCTYPEs or entity expansion. */
    static Document parseXml(byte[] body)
            throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setExpandEntityReferences(false);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    static String childText(Element e, String tag) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && ((Element) n).getTagName().equals(tag)) {
                return n.getTextContent();
            }
        }
        return null;
    }

    static String rfc822(Date d) {
        SimpleDateFormat f = new SimpleDateFormat("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
        f.setTimeZone(TimeZone.getTimeZone("GMT"));
        return f.format(d == null ? new Date() : d);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '&':
                    sb.append("&amp;");
                    break;
                default:
                    sb.append(c);
            }
        }
        return sb.toString();
    }

    static String cdata(String s) {
        return "<![CDATA[" + (s == null ? "" : s.replace("]]>", "]]]]><![CDATA[>")) + "]]>";
    }
}
