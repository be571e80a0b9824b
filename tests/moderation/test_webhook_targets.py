"""The rule of which addresses webhooks may reach (issue 14 #3): every notation of an address,
the special-purpose ranges, addresses inside IPv6, and the operator's allow-list."""

from __future__ import annotations

import socket
from ipaddress import IPv4Address, IPv6Address, ip_address
from urllib.parse import urlsplit

import pytest

from moderation.webhook_targets import (
    METADATA,
    METADATA_ADDRESSES,
    REFUSED_NETWORKS,
    host_address,
    parse_networks,
    refusal,
)


def _host(url: str) -> str:
    host = urlsplit(url).hostname
    assert host is not None
    return host


# The review's addresses, then more notations of the same places.
REFUSED_URLS = [
    ("http://169.254.169.254/latest/meta-data/", METADATA),
    ("http://[fd00:ec2::254]/", METADATA),
    ("http://10.0.0.5:8080/", "private"),
    ("http://0x7f000001:22/", "loopback"),
    ("http://2130706433/", "loopback"),
    ("http://127.1/", "loopback"),
    ("http://127.0.1/", "loopback"),
    ("http://0177.0.0.1/", "loopback"),
    ("http://0x7f.0.0.1/", "loopback"),
    ("http://0x7f.1/", "loopback"),
    ("http://017700000001/", "loopback"),
    ("http://127.0.0.1./", "loopback"),
    ("http://%31%32%37.0.0.1/", "loopback"),
    ("http://\uff11\uff12\uff17.\uff10.\uff10.\uff11/", "loopback"),  # full-width digits
    ("http://LOCALHOST:8000/", "loopback"),
    ("http://api.localhost/", "loopback"),
    ("http://[::1]:8000/", "loopback"),
    ("http://[0:0:0:0:0:0:0:1]/", "loopback"),
    ("http://[::ffff:127.0.0.1]/", "loopback"),
    ("http://[::ffff:7f00:1]/", "loopback"),
    ("http://[0:0:0:0:0:ffff:169.254.169.254]/", METADATA),
    ("http://[::ffff:a00:5]/", "private"),
    ("http://[64:ff9b::a9fe:a9fe]/", METADATA),  # NAT64 of 169.254.169.254
    ("http://[64:ff9b::7f00:1]/", "loopback"),
    ("http://[fe80::1%25eth0]/", "link-local"),
    ("http://[FE80::1%25en0]:8080/", "link-local"),
    ("http://[fd12:3456::1]/", "unique-local"),
    ("http://[fc00::1]/", "unique-local"),
    ("http://[ff02::1]/", "multicast"),
    ("http://[::]/", "unspecified"),
    ("http://[::127.0.0.1]/", "reserved"),
    ("http://[2002:7f00:1::]/", "reserved"),  # 6to4
    ("http://[2001:db8::1]/", "reserved"),
    ("http://0.0.0.0:8000/", "unspecified"),
    ("http://0/", "unspecified"),
    ("http://172.16.0.1/", "private"),
    ("http://172.31.255.255/", "private"),
    ("http://192.168.1.1/", "private"),
    ("http://0xc0a80101/", "private"),
    ("http://3232235777/", "private"),  # 192.168.1.1
    ("http://100.64.0.1/", "shared (carrier-grade NAT)"),
    ("http://100.100.100.200/", METADATA),
    ("http://192.0.0.192/", METADATA),
    ("http://168.63.129.16/", METADATA),
    ("http://169.254.170.2/v2/credentials", METADATA),
    ("http://169.254.1.1/", "link-local"),
    ("http://224.0.0.1/", "multicast"),
    ("http://239.255.255.250:1900/", "multicast"),
    ("http://255.255.255.255/", "reserved"),
    ("http://240.0.0.1/", "reserved"),
    ("http://198.18.0.1/", "reserved"),
    ("http://192.0.2.1/", "reserved"),
]


@pytest.mark.parametrize(("url", "kind"), REFUSED_URLS)
def test_a_host_written_as_a_refused_address_is_refused(url: str, kind: str) -> None:
    address = host_address(_host(url))
    assert address is not None, url
    assert refusal(address) == kind


@pytest.mark.parametrize(
    ("host", "address"),
    [
        ("127.1", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("10.1", "10.0.0.1"),
        ("10.0.1", "10.0.0.1"),
        ("fe80::1%25eth0", "fe80::1"),
        ("::ffff:127.0.0.1", "::ffff:7f00:1"),
        ("93.184.215.14", "93.184.215.14"),
    ],
)
def test_every_notation_is_read_as_the_address_it_names(host: str, address: str) -> None:
    assert host_address(host) == ip_address(address)


@pytest.mark.parametrize("host", ["127.1", "0x7f000001", "2130706433", "0177.0.0.1", "0x7f.1"])
def test_the_legacy_notations_mean_what_the_system_resolver_makes_of_them(host: str) -> None:
    resolved = socket.getaddrinfo(host, 80, socket.AF_INET, socket.SOCK_STREAM)
    assert {IPv4Address(r[4][0]) for r in resolved} == {host_address(host)}


@pytest.mark.parametrize(
    "host", ["example.org", "hooks.example.org.", "xn--bcher-kva.example", "localhost.example.org"]
)
def test_a_name_is_no_address_and_is_checked_when_connecting(host: str) -> None:
    assert host_address(host) is None


@pytest.mark.parametrize("host", ["fe80::zz", "1:2:3", "::ffff:300.0.0.1"])
def test_a_host_with_a_colon_must_be_an_ipv6_address(host: str) -> None:
    with pytest.raises(ValueError):
        host_address(host)


@pytest.mark.parametrize(
    "address",
    [
        "93.184.215.14",
        "8.8.8.8",
        "1.1.1.1",
        "100.63.255.255",  # just below the shared range
        "100.128.0.0",  # just above it
        "172.15.255.255",
        "172.32.0.0",
        "169.253.255.255",
        "223.255.255.255",
        "2606:4700:4700::1111",
        "2001:4860:4860::8888",
        "::ffff:8.8.8.8",
        "64:ff9b::808:808",  # NAT64 of a public address (IPv6-only hosts)
    ],
)
def test_public_addresses_may_be_reached(address: str) -> None:
    assert refusal(ip_address(address)) is None


def test_the_allow_list_opens_its_networks_only() -> None:
    allowed = parse_networks(" 10.20.0.0/16 , fd12:3456::/64,192.168.1.7")
    assert refusal(ip_address("10.20.3.4"), allowed) is None
    assert refusal(ip_address("::ffff:10.20.3.4"), allowed) is None  # the same, mapped
    assert refusal(ip_address("fd12:3456::9"), allowed) is None
    assert refusal(ip_address("192.168.1.7"), allowed) is None
    assert refusal(ip_address("192.168.1.8"), allowed) == "private"
    assert refusal(ip_address("10.21.0.1"), allowed) == "private"
    assert refusal(ip_address("127.0.0.1"), allowed) == "loopback"
    assert refusal(ip_address("fd12:3457::1"), allowed) == "unique-local"


def test_cloud_metadata_stays_refused_inside_an_allowed_network() -> None:
    allowed = parse_networks("169.254.0.0/16,100.64.0.0/10,fd00::/8,0.0.0.0/0,::/0")
    for address in METADATA_ADDRESSES:
        assert refusal(address, allowed) == METADATA
    assert refusal(ip_address("::ffff:169.254.169.254"), allowed) == METADATA
    assert refusal(IPv6Address("fd00:ec2::254%eth0"), allowed) == METADATA
    assert refusal(ip_address("169.254.1.1"), allowed) is None


def test_every_refused_network_is_refused_at_its_edges() -> None:
    for network, kind in REFUSED_NETWORKS:
        for address in (network.network_address, network.broadcast_address):
            assert refusal(address) is not None, address
            assert refusal(address, (network,)) in {None, METADATA}, address
        if network.num_addresses > 4:
            assert refusal(network.network_address + 2) == kind, network


@pytest.mark.parametrize("raw", ["10.0.0.0/33", "example.org", "10.0.0.0/8;fd00::/8", "::/129"])
def test_a_bad_allow_list_is_named(raw: str) -> None:
    with pytest.raises(ValueError):
        parse_networks(raw)


def test_an_empty_allow_list_allows_nothing_private() -> None:
    assert parse_networks("") == () == parse_networks(" , ")
